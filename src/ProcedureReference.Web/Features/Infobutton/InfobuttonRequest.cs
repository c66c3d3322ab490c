using ProcedureReference.Codes;
using ProcedureReference.Reading;
using ProcedureReference.Web.Features.CodePages;

namespace ProcedureReference.Web.Features.Infobutton;

/// <summary>
/// An HL7 Infobutton knowledge request in its URL-based form, as MedlinePlus Connect takes it:
/// <c>mainSearchCriteria.v.c</c> (the code), <c>mainSearchCriteria.v.cs</c> (its code system's OID) and
/// <c>knowledgeResponseType</c> (<c>application/json</c> for a feed; anything else, or nothing, opens the page).
/// A health record links a patient's procedure to its explainer this way.
/// </summary>
public sealed record InfobuttonRequest(string Code, string CodeSystem, bool WantsJson)
{
    public const string CodeParameter = "mainSearchCriteria.v.c";
    public const string CodeSystemParameter = "mainSearchCriteria.v.cs";
    public const string ResponseTypeParameter = "knowledgeResponseType";
    public const string JsonResponseType = "application/json";

    /// <summary>CPT's OID (HL7's code system 2.16.840.1.113883.6.12).</summary>
    public const string CptOid = "2.16.840.1.113883.6.12";

    /// <summary>HCPCS's OID; HCPCS Level I is CPT, so a CPT code asked for under it is found as well.</summary>
    public const string HcpcsOid = "2.16.840.1.113883.6.285";

    /// <summary>The code systems answered, by OID, with their names as the pages give them.</summary>
    private static readonly Dictionary<string, string> Systems = new(StringComparer.Ordinal) { [CptOid] = "CPT", [HcpcsOid] = "HCPCS" };

    /// <summary>The request as read from the query string: each value bounded and without control characters, as it may be echoed.</summary>
    public static InfobuttonRequest From(IQueryCollection query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return new(
            CodePageLookup.Echo(query[CodeParameter].ToString().Trim()),
            CodePageLookup.Echo(query[CodeSystemParameter].ToString().Trim()),
            string.Equals(query[ResponseTypeParameter].ToString().Trim(), JsonResponseType, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The code system's name ('CPT'), or null for a system this site does not answer.</summary>
    public string? SystemName => Systems.GetValueOrDefault(CodeSystem);

    /// <summary>The page the request asks for, or null for an unknown code or code system.</summary>
    public async Task<CodePage?> FindAsync(IContentReader reader, CancellationToken cancellationToken)
    {
        if (SystemName is null || !ProcedureCode.TryParse(Code, out var code)) return null;
        var page = await CodePageLookup.FindAsync(reader, code.ToString(), cancellationToken);
        // Only the two systems answered: an ICD-10 code with a CPT OID is not the page asked for.
        return page is not null && Systems.ContainsValue(page.System.ToUpperInvariant()) ? page : null;
    }
}
