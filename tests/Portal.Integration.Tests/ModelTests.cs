using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Data;
using Portal.Core.Data.Migrations;
using Portal.Core.Tenancy;
using Portal.Modules.Tenants.Models;
using Portal.Web.Data;

namespace Portal.Integration.Tests;

/// <summary>
/// The runtime model of the real app against the migrations its modules own, on each provider,
/// and the data conventions every module's tables must follow.
/// </summary>
public abstract class ModelTests<TFactory>(TFactory app) : IClassFixture<TFactory>
    where TFactory : PortalAppFactory
{
    // Tables with no tenant: the registry reads every tenant, and the migration history is EF's.
    // TenantHost: a host name must be unique across all tenants, which only a global table's key can enforce.
    // PublicCacheGeneration: every node polls every tenant's eviction generation in one read.
    private static readonly Type[] GlobalEntities = [typeof(TenantRecord), typeof(TenantHost), typeof(Portal.Modules.PublicCache.Models.PublicCacheGeneration)];

    [ProviderFact]
    public async Task EveryOwnersMigrations_CoverItsModel_AndAreApplied()
    {
        var owners = app.Services.GetRequiredService<IEnumerable<ModuleMigrations>>().ToList();
        Assert.Contains(owners, o => o.Sqlite == typeof(CoreSqliteMigrations));
        foreach (var owner in owners)
        {
            await using var context = CreateOwnerContext(owner);
            Assert.False(context.Database.HasPendingModelChanges(),
                $"{context.ModuleName}: the model has changes no migration covers: run scripts/add-migration.sh {context.ModuleName} <Name>.");
            Assert.Empty(await context.Database.GetPendingMigrationsAsync());
            Assert.NotEmpty(await context.Database.GetAppliedMigrationsAsync());
        }
    }

    [ProviderFact]
    public async Task TheOwnersModels_TogetherAreExactlyTheRuntimeModel()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var runtimeContext = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var runtime = RelationalModelOf(runtimeContext);
        var runtimeTables = runtime.Tables.Select(t => t.Name).ToHashSet();
        var differ = runtimeContext.GetService<IMigrationsModelDiffer>();

        var claimed = new Dictionary<string, string>();
        foreach (var owner in app.Services.GetRequiredService<IEnumerable<ModuleMigrations>>())
        {
            await using var context = CreateOwnerContext(owner);
            var model = RelationalModelOf(context);
            var own = model.Tables.Select(t => t.Name).ToHashSet();
            foreach (var table in own)
            {
                Assert.True(claimed.TryAdd(table, context.ModuleName), $"Table {table} is migrated by both {claimed.GetValueOrDefault(table)} and {context.ModuleName}.");
            }

            // From the owner's tables to the whole runtime model, only the other owners' tables may change.
            var touched = differ.GetDifferences(model, runtime).Select(TableOf).ToList();
            Assert.Contains(touched, t => t is not null && !own.Contains(t)); // the differ sees the other owners' tables
            var wrong = touched.Where(t => t is null || own.Contains(t)).ToList();
            Assert.True(wrong.Count == 0, $"{context.ModuleName}'s migrations differ from the runtime model on: {string.Join(", ", wrong.Select(t => t ?? "(database)"))}.");
        }

        Assert.Equal(runtimeTables.Order(), claimed.Keys.Order());
    }

    [ProviderFact]
    public async Task EveryUniqueIndexOfATenantOwnedTable_StartsWithTheTenant()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var model = scope.ServiceProvider.GetRequiredService<PortalDbContext>().Model;
        var offending = model.GetEntityTypes()
            .Where(t => typeof(ITenantOwned).IsAssignableFrom(t.ClrType))
            .SelectMany(t => t.GetIndexes().Where(i => i.IsUnique).Select(i => (Type: t, i.Properties))
                .Concat(t.GetKeys().Where(k => !k.IsPrimaryKey()).Select(k => (Type: t, k.Properties))))
            .Where(x => x.Properties[0].Name != PortalDbContext.TenantIdColumn)
            .Select(x => $"{x.Type.ShortName()}({string.Join(", ", x.Properties.Select(p => p.Name))})")
            .ToList();
        Assert.True(offending.Count == 0, "Unique indexes of tenant-owned tables must start with TenantId (one tenant must not block another's value): " + string.Join("; ", offending));
    }

    [ProviderFact]
    public async Task OnlyTheListedEntities_AreGlobal()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var global = scope.ServiceProvider.GetRequiredService<PortalDbContext>().Model.GetEntityTypes()
            .Where(t => !t.IsOwned() && !typeof(ITenantOwned).IsAssignableFrom(t.ClrType))
            .Select(t => t.ClrType)
            .ToList();
        Assert.True(global.OrderBy(t => t.FullName).SequenceEqual(GlobalEntities.OrderBy(t => t.FullName)),
            "Every entity must be tenant-owned (ITenantOwned) unless listed here on purpose; global now: " + string.Join(", ", global.Select(t => t.Name)));
    }

    [ProviderFact]
    public async Task EveryInstant_IsADateTimeOffsetStoredAsUtc()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var properties = scope.ServiceProvider.GetRequiredService<PortalDbContext>().Model.GetEntityTypes()
            .SelectMany(t => t.GetProperties().Select(p => (Type: t, Property: p)))
            .ToList();
        var dateTimes = properties.Where(x => Nullable.GetUnderlyingType(x.Property.ClrType) is { } u ? u == typeof(DateTime) : x.Property.ClrType == typeof(DateTime));
        Assert.Empty(dateTimes.Select(x => $"{x.Type.ShortName()}.{x.Property.Name}"));
        var instants = properties.Where(x => (Nullable.GetUnderlyingType(x.Property.ClrType) ?? x.Property.ClrType) == typeof(DateTimeOffset)).ToList();
        Assert.NotEmpty(instants);
        Assert.All(instants, x => Assert.IsType<UtcInstantConverter>(x.Property.GetValueConverter()));

        // Stored and read back: the same instant, with offset zero.
        var portal = app.Services.GetRequiredService<ITenantDirectory>().FindByName(TenantDescriptor.DefaultName)!;
        await using var tenantScope = app.Services.GetRequiredService<ITenantScopeFactory>().CreateScope(portal);
        var db = tenantScope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var at = new DateTimeOffset(2026, 12, 1, 8, 30, 0, TimeSpan.FromHours(7));
        var marker = "time-rule-" + Guid.NewGuid().ToString("N")[..8];
        db.Add(new Portal.Core.Auditing.AuditEntry { AtUtc = at, Actor = "test", Action = marker });
        await db.SaveChangesAsync();
        await using var readScope = app.Services.GetRequiredService<ITenantScopeFactory>().CreateScope(portal);
        var stored = await readScope.ServiceProvider.GetRequiredService<PortalDbContext>().Set<Portal.Core.Auditing.AuditEntry>()
            .Where(e => e.Action == marker && e.AtUtc > at.AddMinutes(-1)).SingleAsync();
        Assert.Equal(at, stored.AtUtc);
        Assert.Equal(TimeSpan.Zero, stored.AtUtc.Offset);
    }

    private ModuleMigrationsContext CreateOwnerContext(ModuleMigrations owner)
    {
        var options = app.Services.GetRequiredService<DatabaseOptions>();
        using var scope = app.Services.CreateScope();
        var connection = options.Provider == DatabaseProvider.PostgreSql
            ? options.OwnerConnectionString!
            : scope.ServiceProvider.GetRequiredService<PortalDbContext>().Database.GetConnectionString()!;
        return owner.Create(options.Provider, connection);
    }

    private static IRelationalModel RelationalModelOf(DbContext context) =>
        context.GetService<IDesignTimeModel>().Model.GetRelationalModel();

    private static string? TableOf(MigrationOperation operation) => operation switch
    {
        ITableMigrationOperation table => table.Table,
        _ => null,
    };
}

public sealed class SqliteModelTests(SqliteAppFactory app) : ModelTests<SqliteAppFactory>(app);

[RequiresPostgres]
public sealed class PostgresModelTests(PostgresAppFactory app) : ModelTests<PostgresAppFactory>(app);
