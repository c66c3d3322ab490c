using ProcedureReference.Parsing;
using ProcedureReference.Similarity;

namespace ProcedureReference.Storage;

/// <summary>
/// Where an import writes a new version of the content. The content store opens one and decides where it goes;
/// nothing written is live until the store publishes it. A failure to write surfaces as a
/// <see cref="StorageException"/> whose message names what could not be written and why.
/// </summary>
public interface IContentWriter : IDisposable
{
    /// <summary>Writes a page with its prepared rows and returns the id it was stored under.</summary>
    int Add(ParsedPage page, PageRows rows, string contentHash);

    /// <summary>Writes a page's similar codes, in their order.</summary>
    void AddSimilarCodes(PageSimilarCodes similar);

    /// <summary>Numbers pages in code order, records the content facts (content_hash, page_count) and commits.</summary>
    void Complete(IReadOnlyDictionary<string, string> contentInfo);
}
