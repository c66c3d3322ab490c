namespace ProcedureReference.Web.Features;

/// <summary>?page=N of a listing (search results, a browse category).</summary>
public static class PageNumber
{
    public const int Max = 10_000;

    /// <summary>Read by hand: Razor Pages keeps "page" as a route value of its own, which model binding would see first.</summary>
    public static int From(HttpRequest request) =>
        int.TryParse(request?.Query["page"], out var page) ? Math.Clamp(page, 1, Max) : 1;
}
