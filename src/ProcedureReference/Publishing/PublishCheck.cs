using System.Globalization;

namespace ProcedureReference.Publishing;

/// <summary>Why a publish was refused by its checks rather than by a failure.</summary>
public enum PublishBlock
{
    /// <summary>Not refused by a check (done, or failed for another reason).</summary>
    None,

    /// <summary>The staged content is the live content: publishing it would only fill a kept version with a copy.</summary>
    NoChanges,

    /// <summary>It removes more of the live codes than may go without confirmation, and that number was not confirmed.</summary>
    Removals,
}

/// <summary>How a staged import compares with the live content at the moment of a publish, as the store reads it.</summary>
/// <param name="LiveCodes">Codes live now.</param>
/// <param name="Removed">Live codes the staged import does not have.</param>
/// <param name="SameContent">Whether the staged import's content fingerprint is the live one's.</param>
public sealed record LiveComparison(int LiveCodes, int Removed, bool SameContent);

/// <summary>
/// What a publish checks against the live content, under the store's publish lock so that nothing changes between
/// the check and the switch. An import that changes nothing is never published; one that removes more than
/// <paramref name="MaxRemovedPercent"/> of the live codes is published only when <paramref name="ConfirmedRemovals"/>
/// is the number it removes (a person confirmed that number, not merely clicked).
/// </summary>
public sealed record PublishCheck(int MaxRemovedPercent, int? ConfirmedRemovals = null)
{
    /// <summary>The share of the live codes an import may remove without confirmation unless configured otherwise.</summary>
    public const int DefaultMaxRemovedPercent = 10;

    /// <summary>Removals need no confirmation (the first start, `import --allow-removals`, tests); an unchanged import is still not published.</summary>
    public static PublishCheck RemovalsAllowed { get; } = new(100);

    /// <summary>Whether removing <paramref name="removed"/> of <paramref name="liveCodes"/> codes needs confirmation.</summary>
    public static bool NeedsConfirmation(int removed, int liveCodes, int maxRemovedPercent) =>
        removed > 0 && removed * 100L > (long)liveCodes * maxRemovedPercent;

    /// <summary>The share removed, in whole percent rounded up (so that 1 of 1,000 reads 1%, not 0%).</summary>
    public static int Percent(int removed, int liveCodes) =>
        liveCodes == 0 ? 0 : (int)((removed * 100L + liveCodes - 1) / liveCodes);

    /// <summary>Null when the publish may go ahead; else the refusal, saying why.</summary>
    public StoreResult? Refusal(string stagedId, LiveComparison live)
    {
        ArgumentNullException.ThrowIfNull(live);
        if (live.SameContent)
            return StoreResult.Refused($"staged import {stagedId} holds the same content as what is live: there is nothing to publish, and nothing was published")
                with { Blocked = PublishBlock.NoChanges };
        if (NeedsConfirmation(live.Removed, live.LiveCodes, MaxRemovedPercent) && ConfirmedRemovals != live.Removed)
            return StoreResult.Refused(string.Create(CultureInfo.InvariantCulture,
                    $"staged import {stagedId} removes {live.Removed:N0} of the {live.LiveCodes:N0} live codes ({Percent(live.Removed, live.LiveCodes)}%), more than the {MaxRemovedPercent}% that may go without confirming that number; nothing was published"))
                with { Blocked = PublishBlock.Removals };
        return null;
    }
}
