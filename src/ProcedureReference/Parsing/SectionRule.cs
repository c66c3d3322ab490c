namespace ProcedureReference.Parsing;

/// <summary>
/// One row of the rule table: how a section kind is recognised.
/// </summary>
/// <param name="Kind">The kind; rows are listed in canonical page order.</param>
/// <param name="Title">How the site titles the section.</param>
/// <param name="Headings">Whole heading lines that open this section (case and a trailing colon ignored).</param>
/// <param name="HeadingPrefixes">Heading lines that start with this text and go on with page text.</param>
/// <param name="SubHeadings">Sub-headings the site puts inside this section: kept as sub-headings and a strong cue for an unheaded block.</param>
/// <param name="Cues">Words or phrases whose presence in an unheaded block hints at this kind.</param>
/// <param name="ListItemWords">An unheaded block that is only a list, each item naming one of these, is this kind (e.g. a list of roles).</param>
/// <param name="HeadingCues">Words or phrases a heading of a page in another layout contains when it asks about this kind
/// ('prepar' in 'How you prepare'): matched at the start of a word, so a stem covers its forms.</param>
/// <param name="NeedsEvidence">Never given to an unheaded block by position alone: only with a heading or a cue.</param>
public sealed record SectionRule(
    SectionKind Kind,
    string Title,
    string[] Headings,
    string[] SubHeadings,
    string[] Cues,
    string[]? HeadingPrefixes = null,
    string[]? ListItemWords = null,
    bool NeedsEvidence = false,
    string[]? HeadingCues = null);
