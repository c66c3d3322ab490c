using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using ProcedureReference.Accounts;

namespace ProcedureReference.Web.Admin;

public enum LoginOutcome { Succeeded, Invalid, LockedOut }

/// <summary>
/// The rules of admin accounts over whichever store keeps them: names, salted password hashes, the lockout after
/// repeated failed sign-ins, and the audit log. The sign-in page, the `admin` verb and the import runner use this.
/// </summary>
public sealed partial class AdminAccounts(IAdminStore store, AdminOptions options, TimeProvider? clock = null)
{
    public const int MinPasswordLength = 10;
    private static readonly PasswordHasher<string> Hasher = new();

    // Verifying against a real hash for unknown names too keeps the time a login takes from telling which names exist.
    private static readonly string DummyHash = Hasher.HashPassword("", Guid.NewGuid().ToString());

    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    public static bool IsValidName(string name) => AccountName().IsMatch(name);

    /// <summary>Adds an account; false when the name is taken. The password is stored only as a salted hash.</summary>
    public bool Add(string name, string password)
    {
        ArgumentNullException.ThrowIfNull(password);
        if (!IsValidName(name)) throw new ArgumentException("a name is 1 to 64 letters, digits, '.', '_' or '-'", nameof(name));
        if (password.Length < MinPasswordLength) throw new ArgumentException($"a password has at least {MinPasswordLength} characters", nameof(password));
        return store.Add(name, Hasher.HashPassword(name, password), _clock.GetUtcNow());
    }

    public bool Remove(string name) => store.Remove(name);

    public bool Any() => store.Any();

    /// <summary>Whether the account is still there (a session of a removed account ends).</summary>
    public bool Exists(string name) => store.Find(name) is not null;

    public IReadOnlyList<AdminAccount> List() => store.List();

    /// <summary>
    /// Checks a password. After <see cref="AdminOptions.MaxFailedLogins"/> failures in a row the account is locked
    /// for <see cref="AdminOptions.Lockout"/>, and while locked even the right password is refused.
    /// </summary>
    public LoginOutcome Verify(string name, string password)
    {
        var account = store.Find(name);
        if (account is null)
        {
            Hasher.VerifyHashedPassword("", DummyHash, password);
            return LoginOutcome.Invalid;
        }
        var now = _clock.GetUtcNow();
        if (account.LockedUntil is { } until && until > now) return LoginOutcome.LockedOut;

        if (Hasher.VerifyHashedPassword(name, account.PasswordHash, password) != PasswordVerificationResult.Failed)
        {
            store.ResetFailedLogins(name);
            return LoginOutcome.Succeeded;
        }
        return store.CountFailedLogin(name, options.MaxFailedLogins, now, now + options.Lockout) is { } lockedUntil && lockedUntil > now
            ? LoginOutcome.LockedOut
            : LoginOutcome.Invalid;
    }

    public void Audit(string who, string action, string detail, string result) =>
        store.Audit(new AuditEntry(_clock.GetUtcNow(), who, action, detail, result));

    public IReadOnlyList<AuditEntry> RecentAudit(int count) => store.RecentAudit(count);

    [GeneratedRegex("^[A-Za-z0-9._-]{1,64}$")]
    private static partial Regex AccountName();
}
