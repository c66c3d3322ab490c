namespace ProcedureReference.Web.Tests.Support;

/// <summary>
/// content/ plus 37187, the initial session beside the seed's repeat session 37188 (the pair /compare is for), and
/// J1100, a code with a letter (so that 'j1100' can be typed in lower case).
/// </summary>
public class SiblingCodesApp : ReferenceApp
{
    public SiblingCodesApp() : this(Engine.Sqlite) { }

    protected SiblingCodesApp(Engine engine) : base(engine) { }

    protected override void AddContent(string contentFolder)
    {
        // The seeds name no code on the page, so each copy takes its code from its file name.
        var repeat = File.ReadAllText(Path.Combine(contentFolder, "004_b058e552b792f92e.txt"));
        File.WriteAllText(Path.Combine(contentFolder, "37187.txt"),
            repeat.Replace("repeat treatment on subsequent day during course of thrombolytic therapy", "initial treatment", StringComparison.Ordinal));
        var venogram = File.ReadAllText(Path.Combine(contentFolder, "000_36cba762d94ce8c5.txt"));
        File.WriteAllText(Path.Combine(contentFolder, "J1100.txt"), venogram.Replace("bilateral", "contrast injection", StringComparison.Ordinal));
    }
}

/// <inheritdoc cref="SiblingCodesApp"/>
public sealed class PostgresSiblingCodesApp() : SiblingCodesApp(Engine.Postgres);
