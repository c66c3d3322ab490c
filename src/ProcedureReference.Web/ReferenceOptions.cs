using System.ComponentModel.DataAnnotations;
using ProcedureReference.Importing;
using ProcedureReference.Parsing;
using ProcedureReference.Similarity;
using ProcedureReference.Web.Settings;

namespace ProcedureReference.Web;

/// <summary>
/// Where the reference lives, and how pages are imported (keys Database:Path, Content:Path, Import:MaxFileBytes,
/// Import:SimilarCodes). Relative paths are taken from the current directory, so the defaults work from the
/// repository root: data/procedures.db and content/.
/// </summary>
public sealed class ReferenceOptions
{
    [ConfigurationKeyName("Database:Path")]
    [Required(ErrorMessage = "a file path")]
    public string DatabasePath { get; set; } = "data/procedures.db";

    [ConfigurationKeyName("Content:Path")]
    [Required(ErrorMessage = "a folder path")]
    public string ContentPath { get; set; } = "content";

    [ConfigurationKeyName("Import:MaxFileBytes")]
    [Range(1, long.MaxValue, ErrorMessage = "a whole number of bytes, at least 1")]
    public long MaxFileBytes { get; set; } = PageText.DefaultMaxBytes;

    [ConfigurationKeyName("Import:SimilarCodes")]
    [Range(0, 50, ErrorMessage = "a whole number from 0 to 50")]
    public int SimilarCodes { get; set; } = SimilarityOptions.DefaultCount;

    /// <summary>An import of <paramref name="content"/> with these settings.</summary>
    public ImportOptions ImportOf(string content) =>
        new(content) { MaxFileBytes = MaxFileBytes, SimilarCount = SimilarCodes };

    /// <summary>Binds the keys above from the configuration's root; paths become full paths.</summary>
    public static void Register(IServiceCollection services) =>
        services.AddSettings<ReferenceOptions>("").PostConfigure(options =>
        {
            if (options.DatabasePath.Length > 0) options.DatabasePath = Path.GetFullPath(options.DatabasePath);
            if (options.ContentPath.Length > 0) options.ContentPath = Path.GetFullPath(options.ContentPath);
        });
}
