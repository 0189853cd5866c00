using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Portal.Core.Auditing;
using Portal.Core.Data;
using Portal.Core.Tenancy;
using Portal.Modules.Tenants.Models;
using Portal.Modules.Tenants.Services;

namespace Portal.Web.Setup;

/// <summary>
/// Undoes a first run that did not finish: every tenant then present was made by that run (the
/// first run only starts on a database without the province portal), so their rows and the
/// tenants themselves are deleted, leaving the database as the migrations made it, except for
/// the audit trail, which no one may delete: the run's entries stay, under tenant ids never reused.
/// </summary>
public sealed partial class UnfinishedSetupRemover(
    IServiceScopeFactory scopeFactory,
    ITenantScopeFactory tenantScopes,
    TenantRegistry registry,
    ILogger<UnfinishedSetupRemover> logger)
{
    public async Task RemoveAsync(CancellationToken cancellationToken = default)
    {
        await registry.ReloadAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        var tenants = registry.All.ToList();
        foreach (var tenant in tenants)
        {
            // In the tenant's scope, so PostgreSQL's row-level security lets the rows be deleted.
            await using var scope = tenantScopes.CreateScope(tenant);
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            foreach (var table in TenantOwnedTablesDependentsFirst(db.Model).Except(AuditTables(db.Model)))
            {
#pragma warning disable EF1002 // the table name comes from the model and is quoted; the id is a parameter
                await db.Database.ExecuteSqlRawAsync(
                    $"DELETE FROM {Quote(table)} WHERE {Quote(PortalDbContext.TenantIdColumn)} = {{0}}", [tenant.Id], cancellationToken).ConfigureAwait(false);
#pragma warning restore EF1002
            }
        }

        await using (var scope = scopeFactory.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            await db.Set<TenantHost>().ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
            await db.Set<TenantRecord>().ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        }

        await registry.ReloadAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        LogRemoved(logger, tenants.Count);
    }

    /// <summary>Tables of tenant-owned entities, each after every table whose foreign keys point at it.</summary>
    public static List<string> TenantOwnedTablesDependentsFirst(IModel model)
    {
        var remaining = model.GetEntityTypes()
            .Where(t => typeof(ITenantOwned).IsAssignableFrom(t.ClrType) && t.GetTableName() is not null)
            .ToList();
        var ordered = new List<string>();
        while (remaining.Count > 0)
        {
            var free = remaining.Where(principal => !remaining.Any(dependent => dependent != principal &&
                dependent.GetForeignKeys().Any(fk => fk.PrincipalEntityType == principal))).ToList();
            // A cycle (none today) would stop the sort: take the rest as they come; cascades do the remainder.
            var next = free.Count > 0 ? free : remaining;
            ordered.AddRange(next.Select(t => t.GetTableName()!));
            remaining.RemoveAll(next.Contains);
        }

        return ordered.Distinct().ToList();
    }

    /// <summary>The audit trail's tables: insert-only, so what the unfinished run audited stays (tenant ids are never reused).</summary>
    public static IEnumerable<string> AuditTables(IModel model) =>
        model.GetEntityTypes().Where(t => AuditModel.IsAuditTable(t.ClrType)).Select(t => t.GetTableName()!);

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    [LoggerMessage(Level = LogLevel.Warning, Message = "Unfinished first run undone: {Count} tenants and their data removed")]
    private static partial void LogRemoved(ILogger logger, int count);
}
