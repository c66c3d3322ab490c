using Microsoft.AspNetCore.Http.Timeouts;
using ProcedureReference.Reading;
using ProcedureReference.Web.Features.Comparing;
using ProcedureReference.Web.Hosting;

namespace ProcedureReference.Web.Api;

/// <summary>/api/compare?codes=: the same comparison as /compare, as JSON.</summary>
public static class CompareApi
{
    public static IEndpointRouteBuilder MapCompareApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/compare", async (string? codes, IContentReader reader, HttpContext context, CancellationToken cancellationToken) =>
            {
                var named = CodeComparison.Named(codes);
                return CodeComparison.Problem(named) is { } problem
                    ? ErrorResponses.Problem(context, StatusCodes.Status400BadRequest, "Cannot compare", problem)
                    : Results.Ok(await CodeComparison.RunAsync(reader, named, cancellationToken));
            })
            .CacheOutput(ContentCache.Policy)
            .RequireRateLimiting(RateLimits.Search)
            .WithName("Compare")
            .WithSummary("2 to 4 codes side by side: their pages, the codes the reference does not hold, one row per section kind.")
            .Produces<Comparison>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .WithRequestTimeout(RequestLimits.Database);
        return app;
    }
}
