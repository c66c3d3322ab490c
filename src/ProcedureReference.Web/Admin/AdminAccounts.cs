using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using ProcedureReference.Accounts;

namespace ProcedureReference.Web.Admin;

public enum LoginOutcome { Succeeded, Invalid, LockedOut }

/// <summary>How a sign-in ended and, when it succeeded, the account's security stamp for the session cookie.</summary>
public sealed record LoginResult(LoginOutcome Outcome, string? SecurityStamp);

/// <summary>
/// The rules of admin accounts over whichever store keeps them: names, salted password hashes, the lockout after
/// repeated failed sign-ins, security stamps (a session lasts while its stamp is the account's), and the audit log.
/// The sign-in and sign-out pages, the cookie's validation, the `admin` verb and the import runner use this.
/// </summary>
/// <remarks>
/// ASP.NET Core Identity's UserManager was measured against this store (EF Core SQLite, 32 concurrent wrong
/// passwords, lockout after 5): it counted 6 to 10 of the 32 failures and gave 6 to 29 answers that were not a
/// lock, as its read-modify-write loses updates to its concurrency stamp. The store's one-statement count loses none.
/// </remarks>
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
        if (!IsValidName(name)) throw new ArgumentException("a name is 1 to 64 letters, digits, '.', '_' or '-'", nameof(name));
        return store.Add(name, Hash(name, password), NewStamp(), _clock.GetUtcNow());
    }

    /// <summary>A new password, which also ends every session of the account; false when there is no such account.</summary>
    public bool ChangePassword(string name, string password) => store.SetPassword(name, Hash(name, password), NewStamp());

    /// <summary>Lifts a lock (and forgets the failures counted); false when there is no such account.</summary>
    public bool Unlock(string name) => store.ResetFailedLogins(name);

    /// <summary>Ends every session of the account, on every instance, at its next request; false when there is no such account.</summary>
    public bool EndSessions(string name) => store.RenewSecurityStamp(name, NewStamp());

    /// <summary>Removes an account; its sessions end with it.</summary>
    public bool Remove(string name) => store.Remove(name);

    public bool Any() => store.Any();

    /// <summary>Whether a session cookie naming <paramref name="name"/> and <paramref name="securityStamp"/> is still valid.</summary>
    public bool IsCurrentSession(string name, string securityStamp) =>
        store.SecurityStamp(name) is { Length: > 0 } current
        && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(current), Encoding.UTF8.GetBytes(securityStamp));

    public IReadOnlyList<AdminAccount> List() => store.List();

    /// <inheritdoc cref="SignIn"/>
    public LoginOutcome Verify(string name, string password) => SignIn(name, password).Outcome;

    /// <summary>
    /// Checks a password. After <see cref="AdminOptions.MaxFailedLogins"/> failures in a row the account is locked
    /// for <see cref="AdminOptions.Lockout"/>, and while locked even the right password is refused. A password hash is
    /// verified whatever the account's state (missing, locked), so that the time taken tells nothing.
    /// </summary>
    public LoginResult SignIn(string name, string password)
    {
        var account = store.Find(name);
        var now = _clock.GetUtcNow();
        var matches = Hasher.VerifyHashedPassword(name, account?.PasswordHash ?? DummyHash, password) != PasswordVerificationResult.Failed;
        if (account is null)
        {
            // The same statement a wrong password runs (it matches no row), so a missing name costs what an existing one does.
            store.CountFailedLogin(name, options.MaxFailedLogins, now, now + options.Lockout);
            return new(LoginOutcome.Invalid, null);
        }
        if (account.LockedUntil is { } until && until > now) return new(LoginOutcome.LockedOut, null);
        if (matches)
        {
            store.ResetFailedLogins(name);
            return new(LoginOutcome.Succeeded, account.SecurityStamp);
        }
        return store.CountFailedLogin(name, options.MaxFailedLogins, now, now + options.Lockout) is { } lockedUntil && lockedUntil > now
            ? new(LoginOutcome.LockedOut, null)
            : new(LoginOutcome.Invalid, null);
    }

    public void Audit(string who, string action, string detail, string result) =>
        store.Audit(new AuditEntry(_clock.GetUtcNow(), who, action, detail, result));

    public IReadOnlyList<AuditEntry> RecentAudit(int count) => store.RecentAudit(count);

    private static string Hash(string name, string password)
    {
        ArgumentNullException.ThrowIfNull(password);
        if (password.Length < MinPasswordLength) throw new ArgumentException($"a password has at least {MinPasswordLength} characters", nameof(password));
        return Hasher.HashPassword(name, password);
    }

    private static string NewStamp() => Convert.ToHexString(RandomNumberGenerator.GetBytes(16));

    [GeneratedRegex("^[A-Za-z0-9._-]{1,64}$")]
    private static partial Regex AccountName();
}
