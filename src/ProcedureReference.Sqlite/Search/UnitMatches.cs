using System.Collections.Concurrent;
using System.Numerics;
using Microsoft.Data.Sqlite;
using ProcedureReference.Search;
using ProcedureReference.Storage;

namespace ProcedureReference.Sqlite;

/// <summary>
/// The pages each query unit matches, found one unit at a time and ANDed in memory, with the broad units' pages
/// kept per content version. A broad unit ('pain', a lay synonym group such as 'blood thinner') matches most of
/// 100,000 pages, and walking its page lists in FTS5 costs milliseconds at every search that has it, twice (the
/// whole text, then the title and names to pick the pages to rank); kept as a bitset (one bit a page: 12.5 KB at
/// 100,000 pages), it costs a pass over 1,600 words. ANDing units in memory is the same as FTS5's AND: a page
/// matches 'a AND b' when it matches 'a' and matches 'b'; under a column filter each unit keeps the filter
/// ('{title names} : (a AND b)' is '{title names} : (a)' AND '{title names} : (b)').
/// </summary>
internal sealed class UnitMatches(int rowidLimit)
{
    /// <summary>A unit matching at least this many pages is kept; a narrower one is walked again (well under a millisecond).</summary>
    public const int BroadPages = 2_000;

    /// <summary>Units kept per version at most: about 13 MB of bitsets at 100,000 pages.</summary>
    public const int MaxKept = 1_024;

    private static readonly string DescriptorColumns = $"{{{SearchColumns.Title} {SearchColumns.Names}}}";

    private readonly ConcurrentDictionary<string, ulong[]> _kept = new(StringComparer.Ordinal);
    private readonly int _words = Math.Max(1, (rowidLimit + 63) / 64);

    /// <summary>How many units are kept (for tests).</summary>
    public int KeptCount => _kept.Count;

    /// <summary>The pages matching every unit, in rowid order: what FTS5 returns for <see cref="MatchExpression.For(IReadOnlyList{QueryUnit})"/>.</summary>
    public List<int> Matches(SqliteConnection connection, IReadOnlyList<QueryUnit> units) =>
        Intersect(connection, units.Select(MatchExpression.Unit));

    /// <summary>The pages with every unit in their title or names, in rowid order.</summary>
    public List<int> DescriptorMatches(SqliteConnection connection, IReadOnlyList<QueryUnit> units) =>
        Intersect(connection, units.Select(unit => $"{DescriptorColumns} : ({MatchExpression.Unit(unit)})"));

    private List<int> Intersect(SqliteConnection connection, IEnumerable<string> expressions)
    {
        ulong[]? bits = null;   // the kept units ANDed (a fresh array once two are combined)
        var ownBits = false;
        List<int>? walked = null; // the walked units ANDed, in rowid order
        foreach (var expression in expressions)
        {
            if (!_kept.TryGetValue(expression, out var unitBits))
            {
                var ids = TextMatches.RowIds(connection, expression);
                if (ids.Count >= BroadPages && _kept.Count < MaxKept && ids[^1] < _words * 64)
                {
                    unitBits = new ulong[_words];
                    foreach (var id in ids) unitBits[id >> 6] |= 1UL << (id & 63);
                    unitBits = _kept.GetOrAdd(expression, unitBits);
                }
                else
                {
                    walked = walked is null ? ids : IntersectSorted(walked, ids);
                    if (walked.Count == 0) return walked;
                    continue;
                }
            }
            if (bits is null) bits = unitBits;
            else
            {
                if (!ownBits) (bits, ownBits) = ((ulong[])bits.Clone(), true);
                for (var i = 0; i < bits.Length; i++) bits[i] &= unitBits[i];
            }
        }

        if (walked is not null)
        {
            if (bits is null) return walked;
            return walked.FindAll(id => id < _words * 64 && (bits[id >> 6] & (1UL << (id & 63))) != 0);
        }
        var result = new List<int>();
        if (bits is null) return result;
        for (var i = 0; i < bits.Length; i++)
        {
            for (var word = bits[i]; word != 0; word &= word - 1)
                result.Add((i << 6) + BitOperations.TrailingZeroCount(word));
        }
        return result;
    }

    private static List<int> IntersectSorted(List<int> a, List<int> b)
    {
        var result = new List<int>(Math.Min(a.Count, b.Count));
        for (int i = 0, j = 0; i < a.Count && j < b.Count;)
        {
            if (a[i] < b[j]) i++;
            else if (a[i] > b[j]) j++;
            else { result.Add(a[i]); i++; j++; }
        }
        return result;
    }
}
