using Portal.Core.Tenancy;

namespace Portal.Core.Auditing;

/// <summary>
/// One line of the audit trail: who did what, when, to what, from where. Rows are insert-only
/// (PostgreSQL grants, SQLite triggers) and chained per tenant: <see cref="Sequence"/> counts
/// 1, 2, 3... within the tenant, <see cref="PrevHash"/> is the previous row's <see cref="Hash"/>,
/// and <see cref="Hash"/> is the SHA-256 of the row's canonical form (<see cref="AuditHash"/>).
/// The chain fields are set when the row is saved (<see cref="AuditChainWriter"/>).
/// </summary>
public sealed class AuditEntry : ITenantOwned
{
    public long Id { get; set; }
    public string TenantId { get; set; } = "";
    public DateTimeOffset AtUtc { get; set; }

    /// <summary>The signed-in user's name, or <c>system</c> for work outside a sign-in.</summary>
    public string Actor { get; set; } = "";

    /// <summary>The signed-in user's id; null outside a sign-in.</summary>
    public string? UserId { get; set; }

    /// <summary>The real client address (after the known proxies' forwarded headers); null outside a request.</summary>
    public string? ClientAddress { get; set; }

    /// <summary>The operating-system user of the process, for work outside a request (command line, first run).</summary>
    public string? OsUser { get; set; }

    public string Action { get; set; } = "";
    public string? Subject { get; set; }
    public string? Details { get; set; }

    /// <summary>Position in the tenant's chain, from 1, without gaps.</summary>
    public long Sequence { get; set; }

    /// <summary>The previous row's <see cref="Hash"/> (<see cref="AuditHash.Genesis"/> for the first).</summary>
    public string PrevHash { get; set; } = "";

    /// <summary>SHA-256 (lower-case hex) of the canonical form, which includes <see cref="PrevHash"/>.</summary>
    public string Hash { get; set; } = "";
}

/// <summary>
/// The head of one tenant's chain: the row appends lock (serialising writers per tenant), the
/// last sequence and hash (so a removed tail is detected) and the anchor where the kept chain
/// starts (moved only by <c>audit purge</c>, which removes a prefix older than the retention).
/// </summary>
public sealed class AuditChain : ITenantOwned
{
    public string TenantId { get; set; } = "";
    public long LastSequence { get; set; }
    public string LastHash { get; set; } = AuditHash.Genesis;

    /// <summary>Sequence of the first kept row (1 until a purge).</summary>
    public long FirstSequence { get; set; } = 1;

    /// <summary>The <see cref="AuditEntry.PrevHash"/> the first kept row must carry.</summary>
    public string FirstPrevHash { get; set; } = AuditHash.Genesis;
}
