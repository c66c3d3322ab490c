namespace ProcedureReference.Web.Cli;

/// <summary>Where a verb reads and writes: the console, or in tests, strings.</summary>
public sealed record Terminal(TextReader Input, bool InputRedirected, TextWriter Output, TextWriter Error)
{
    public static Terminal Console => new(System.Console.In, System.Console.IsInputRedirected, System.Console.Out, System.Console.Error);
}
