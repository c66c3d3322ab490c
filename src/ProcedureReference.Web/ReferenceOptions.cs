using ProcedureReference.Importing;
using ProcedureReference.Parsing;
using ProcedureReference.Similarity;

namespace ProcedureReference.Web;

/// <summary>
/// Where the reference lives. Relative paths are taken from the current directory, so the defaults work
/// from the repository root: data/procedures.db and content/.
/// </summary>
public sealed class ReferenceOptions
{
    public string DatabasePath { get; set; } = "data/procedures.db";
    public string ContentPath { get; set; } = "content";
    public long MaxFileBytes { get; set; } = PageText.DefaultMaxBytes;
    public int SimilarCodes { get; set; } = SimilarityOptions.DefaultCount;

    /// <summary>An import of <paramref name="content"/> with these settings.</summary>
    public ImportOptions ImportOf(string content) =>
        new(content) { MaxFileBytes = MaxFileBytes, SimilarCount = SimilarCodes };

    /// <summary>Reads Database:Path, Content:Path, Import:MaxFileBytes and Import:SimilarCodes.</summary>
    public static ReferenceOptions From(IConfiguration configuration)
    {
        var options = new ReferenceOptions();
        if (configuration["Database:Path"] is { Length: > 0 } db) options.DatabasePath = db;
        if (configuration["Content:Path"] is { Length: > 0 } content) options.ContentPath = content;
        if (long.TryParse(configuration["Import:MaxFileBytes"], out var max) && max > 0) options.MaxFileBytes = max;
        if (int.TryParse(configuration["Import:SimilarCodes"], out var similar) && similar is >= 0 and <= 50) options.SimilarCodes = similar;
        options.DatabasePath = Path.GetFullPath(options.DatabasePath);
        options.ContentPath = Path.GetFullPath(options.ContentPath);
        return options;
    }
}
