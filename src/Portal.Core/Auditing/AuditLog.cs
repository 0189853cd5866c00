using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Data;

namespace Portal.Core.Auditing;

/// <summary>
/// Names who is acting: the signed-in user (name and id) and the real client address in a
/// request; for work outside a request (command line, first run, jobs), <c>system</c> and the
/// operating-system user running the process.
/// </summary>
public interface IActorAccessor
{
    /// <summary>The user name, or <c>system</c>.</summary>
    string Actor { get; }

    string? UserId => null;

    string? ClientAddress => null;

    string? OsUser => null;
}

public sealed class HttpActorAccessor(IHttpContextAccessor httpContextAccessor) : IActorAccessor
{
    public const string System = "system";

    public string Actor => SignedIn?.Identity?.Name ?? System;

    public string? UserId => SignedIn?.FindFirstValue(ClaimTypes.NameIdentifier);

    // After the forwarded-headers step: the real client, never the proxy.
    public string? ClientAddress => httpContextAccessor.HttpContext?.Connection.RemoteIpAddress is { } address
        ? (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address).ToString()
        : null;

    public string? OsUser => httpContextAccessor.HttpContext is null ? Environment.UserName : null;

    private ClaimsPrincipal? SignedIn => httpContextAccessor.HttpContext?.User is { Identity.IsAuthenticated: true } user ? user : null;
}

public interface IAuditLog
{
    /// <summary>Adds an entry to the current tenant's trail; it is saved with the caller's next SaveChanges.</summary>
    void Add(string action, string? subject = null, string? details = null);

    /// <summary>Adds an entry and saves it at once.</summary>
    Task WriteAsync(string action, string? subject = null, string? details = null, CancellationToken cancellationToken = default);
}

public sealed class AuditLog(PortalDbContext db, IActorAccessor actor, TimeProvider clock) : IAuditLog
{
    public void Add(string action, string? subject = null, string? details = null) =>
        db.Set<AuditEntry>().Add(new AuditEntry
        {
            AtUtc = clock.GetUtcNow(),
            Actor = Cut(actor.Actor, AuditModel.ActorLength)!,
            UserId = Cut(actor.UserId, AuditModel.UserIdLength),
            ClientAddress = Cut(actor.ClientAddress, AuditModel.ClientAddressLength),
            OsUser = Cut(actor.OsUser, AuditModel.OsUserLength),
            Action = action,
            Subject = Cut(subject, AuditModel.SubjectLength),
            Details = details,
        });

    public async Task WriteAsync(string action, string? subject = null, string? details = null, CancellationToken cancellationToken = default)
    {
        Add(action, subject, details);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
    }

    // What is stored is what is hashed: a value longer than its column is cut here, not by the database.
    private static string? Cut(string? value, int length) => value is { } text && text.Length > length ? text[..length] : value;
}

public sealed class AuditModel : IModelContributor
{
    public const string TableName = "AuditEntries";
    public const string ChainTableName = "AuditChains";
    public const int ActorLength = 256;
    public const int UserIdLength = 64;
    public const int ClientAddressLength = 64;
    public const int OsUserLength = 128;
    public const int SubjectLength = 512;

    /// <summary>Tables of the audit trail: insert-only, never removed with a tenant's other data.</summary>
    public static bool IsAuditTable(Type clrType) => clrType == typeof(AuditEntry) || clrType == typeof(AuditChain);

    public void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<AuditEntry>(e =>
        {
            e.ToTable(TableName);
            e.Property(x => x.Actor).HasMaxLength(ActorLength);
            e.Property(x => x.UserId).HasMaxLength(UserIdLength);
            e.Property(x => x.ClientAddress).HasMaxLength(ClientAddressLength);
            e.Property(x => x.OsUser).HasMaxLength(OsUserLength);
            e.Property(x => x.Action).HasMaxLength(128);
            e.Property(x => x.Subject).HasMaxLength(SubjectLength);
            e.Property(x => x.PrevHash).HasMaxLength(64);
            e.Property(x => x.Hash).HasMaxLength(64);
            e.HasIndex(x => new { x.TenantId, x.AtUtc });
            e.HasIndex(x => new { x.TenantId, x.Sequence }).IsUnique();
        });
        modelBuilder.Entity<AuditChain>(e =>
        {
            e.ToTable(ChainTableName);
            e.HasKey(x => x.TenantId);
            e.Property(x => x.LastHash).HasMaxLength(64);
            e.Property(x => x.FirstPrevHash).HasMaxLength(64);
        });
    }
}
