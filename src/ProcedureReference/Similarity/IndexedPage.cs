using ProcedureReference.Search;

namespace ProcedureReference.Similarity;

/// <summary>
/// What the index keeps of a page until it computes: its identity, a compact term vector (term ids with
/// field-weighted frequencies, no text), its descriptor's terms and stem, and where its code stands.
/// </summary>
internal sealed class IndexedPage
{
    public required int Id { get; init; }
    public required string Code { get; init; }
    public required string Title { get; init; }

    /// <summary>Term ids in ascending order (empty once <see cref="QueryVectors"/> has reduced them, see <see cref="Release"/>).</summary>
    public required int[] Terms { get; set; }

    /// <summary>Per term, how much the page uses it: per field, the field's weight times the root of the count, summed.</summary>
    public required float[] Frequencies { get; set; }

    /// <summary>Lets go of the full term vector once it is reduced: at 100,000 pages it is most of the index's memory.</summary>
    public void Release()
    {
        Terms = [];
        Frequencies = [];
    }

    /// <summary>The descriptor's terms in the order it says them, each once.</summary>
    public required int[] DescriptorTerms { get; init; }

    /// <summary>The terms of the descriptor's head, before its first comma or semicolon ('Thrombectomy').</summary>
    public required int[] HeadTerms { get; init; }

    /// <summary>Id of the descriptor's stem (the part before the semicolon); -1 when it has none worth comparing.</summary>
    public required int StemId { get; init; }

    /// <summary>The code as a number, see <see cref="CodeNumber"/>; -1 when it is not numeric.</summary>
    public required long CodeNumber { get; init; }

    /// <summary>Index of the range that places it in <see cref="CodeCategories.All"/>; -1 when none holds it.</summary>
    public required int RangeIndex { get; init; }

    /// <summary>The codes the page lists under 'Similar Codes', in its order.</summary>
    public required IReadOnlyList<ListedCode> Listed { get; init; }
}
