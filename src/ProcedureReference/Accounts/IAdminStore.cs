namespace ProcedureReference.Accounts;

/// <summary>An admin account as listed: no password hash.</summary>
public sealed record AdminAccount(string Name, DateTimeOffset CreatedAt, DateTimeOffset? LockedUntil);

/// <summary>
/// What a sign-in is checked against: the account's salted password hash, its lock, and its security stamp (which
/// the session cookie carries, and which changes when every session of the account is to end).
/// </summary>
public sealed record AdminCredentials(string Name, string PasswordHash, DateTimeOffset? LockedUntil, string SecurityStamp);

/// <summary>One line of the audit log: who did what, to what, and how it ended.</summary>
public sealed record AuditEntry(DateTimeOffset At, string Who, string Action, string Detail, string Result);

/// <summary>
/// The admin accounts and the audit log, kept apart from the content so that publishing never touches them. Data
/// only: password hashing, security stamps and the lockout rule belong to the caller, so each engine only has to store.
/// </summary>
public interface IAdminStore
{
    /// <summary>Adds an account; false when the name is taken.</summary>
    bool Add(string name, string passwordHash, string securityStamp, DateTimeOffset createdAt);

    /// <summary>Removes an account (and with it its security stamp, so its sessions end); false when there is none of that name.</summary>
    bool Remove(string name);

    bool Any();

    /// <summary>Every account, by name.</summary>
    IReadOnlyList<AdminAccount> List();

    AdminCredentials? Find(string name);

    /// <summary>The account's security stamp, or null when there is no such account: read on every admin request.</summary>
    string? SecurityStamp(string name);

    /// <summary>Replaces the security stamp, which ends every session of the account; false when there is no such account.</summary>
    bool RenewSecurityStamp(string name, string securityStamp);

    /// <summary>Replaces the password hash and the security stamp together; false when there is no such account.</summary>
    bool SetPassword(string name, string passwordHash, string securityStamp);

    /// <summary>
    /// Counts a failed sign-in in one atomic step, so that concurrent failures all count: at the
    /// <paramref name="lockAfter"/>th failure in a row the account is locked until <paramref name="lockUntil"/>
    /// and the count starts again. Returns the end of the account's lock, or null when it is not locked.
    /// </summary>
    DateTimeOffset? CountFailedLogin(string name, int lockAfter, DateTimeOffset now, DateTimeOffset lockUntil);

    /// <summary>After a successful sign-in, or to unlock: no failures counted, no lock. False when there is no such account.</summary>
    bool ResetFailedLogins(string name);

    void Audit(AuditEntry entry);

    /// <summary>The latest <paramref name="count"/> audit entries, newest first.</summary>
    IReadOnlyList<AuditEntry> RecentAudit(int count);
}
