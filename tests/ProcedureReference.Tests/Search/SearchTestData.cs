namespace ProcedureReference.Tests.Search;

/// <summary>Pages and queries the shared search suites use on both engines.</summary>
public static class SearchTestData
{
    /// <summary>A page whose text looks like HTML, imported beside the seeds.</summary>
    public const string ScriptPage = """
        Search all medical codes

        Zebrafication <script>alert(1)</script> procedure

        CPT4 code

        Name of the Procedure:

        Zebrafication Procedure

        Summary

        The zebrafication procedure uses a <script>alert("x")</script> tag & an <img src=x onerror=alert(2)> to test zebrafication.

        Risks and Complications

          • Zebrafication may cause <b>bleeding</b> & 'quotes'
        """;

    /// <summary>Whatever may be typed into the search box.</summary>
    public static TheoryData<string> Hostile => new()
    {
        "", " ", "\t\r\n ", new string('a', 10_000), new string('"', 10_000), string.Concat(Enumerable.Repeat("thrombectomy ", 1000)),
        "\"", "\"\"", "*", "-", "-thrombectomy", "NEAR(", "NEAR(thrombectomy bleeding, 2)", "AND", "OR NOT", "thrombectomy OR NOT",
        "((", ")", "\u0000\u0007", "thromb\u0000ectomy", "🙂", "🩸 clot", "\ud83d", "' OR 1=1 --", "'; DROP TABLE pages; --",
        "title:foo", "{risks}:x", "{risks} : bleeding", "^", "^thrombectomy", "a*b", "%", "_", "78%", "7_4", "\\", "💉💉💉",
        "e\u0301\u0301\u0301", "\uFEFF", "<script>alert(1)</script>", "%00", "j11%", "K35.80", "0042T", "x-ray", "x", "a b c d e f g h i j k l m n o p",
    };
}
