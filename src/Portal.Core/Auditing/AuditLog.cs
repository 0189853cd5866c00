using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Data;

namespace Portal.Core.Auditing;

/// <summary>Names who is acting: the signed-in user, else the process (command line, recipes, jobs).</summary>
public interface IActorAccessor
{
    string Actor { get; }
}

public sealed class HttpActorAccessor(IHttpContextAccessor httpContextAccessor) : IActorAccessor
{
    public const string System = "system";

    public string Actor => httpContextAccessor.HttpContext?.User.Identity is { IsAuthenticated: true, Name: { } name }
        ? name
        : System;
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
            Actor = actor.Actor,
            Action = action,
            Subject = subject,
            Details = details,
        });

    public async Task WriteAsync(string action, string? subject = null, string? details = null, CancellationToken cancellationToken = default)
    {
        Add(action, subject, details);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
    }
}

public sealed class AuditModel : IModelContributor
{
    public void Configure(ModelBuilder modelBuilder) =>
        modelBuilder.Entity<AuditEntry>(e =>
        {
            e.ToTable("AuditEntries");
            e.Property(x => x.Actor).HasMaxLength(256);
            e.Property(x => x.Action).HasMaxLength(128);
            e.Property(x => x.Subject).HasMaxLength(512);
            e.HasIndex(x => new { x.TenantId, x.AtUtc });
        });
}
