using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ProcedureReference.Storage;

namespace ProcedureReference.Web.Pages;

/// <summary>The home page: the search box, how many codes the reference holds, and ways to browse.</summary>
public sealed class IndexModel(ReferenceDb db) : PageModel
{
    public IReadOnlyList<(string System, int Count)> Systems { get; private set; } = [];
    public int CodeCount => Systems.Sum(s => s.Count);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var counts = await db.Pages.GroupBy(p => p.System)
            .Select(g => new { System = g.Key, Count = g.Count() })
            .OrderBy(g => g.System)
            .ToListAsync(cancellationToken);
        Systems = counts.Select(c => (c.System, c.Count)).ToList();
    }
}
