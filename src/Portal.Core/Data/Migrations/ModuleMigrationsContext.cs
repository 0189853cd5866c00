using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Modules;

namespace Portal.Core.Data.Migrations;

/// <summary>
/// The migrations of one module (or Core) on one provider. Its model is the module's share of
/// the runtime model: the contributors whose <see cref="IModelContributor.Owner"/> is the
/// assembly of the concrete context, plus <see cref="PortalModelConventions"/>. Each module
/// keeps its own history table (<c>__EFMigrationsHistory_&lt;Module&gt;</c>), so modules
/// built in parallel never touch the same migration files or snapshot. The runtime still
/// uses one composed <see cref="PortalDbContext"/>; this context only migrates.
/// </summary>
/// <remarks>
/// Parameterless so that <c>dotnet ef</c> can create it (<c>scripts/add-migration.sh</c>);
/// at run time the initializer sets <see cref="ConnectionString"/> before first use.
/// </remarks>
public abstract class ModuleMigrationsContext : DbContext
{
    /// <summary>Prefix of every module's migrations history table.</summary>
    public const string HistoryTablePrefix = "__EFMigrationsHistory_";

    public abstract DatabaseProvider Provider { get; }

    /// <summary>The owning module's name (Core for the platform's own tables).</summary>
    public abstract string ModuleName { get; }

    /// <summary>The connection to migrate; unset at design time, where it is never opened.</summary>
    public string? ConnectionString { get; set; }

    public string HistoryTable => HistoryTablePrefix + ModuleName;

    /// <summary>Every contributor the owner registers; those of other assemblies are skipped.</summary>
    protected abstract IEnumerable<IModelContributor> DeclaredContributors();

    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder)
    {
        if (!optionsBuilder.IsConfigured)
        {
            UseProvider(optionsBuilder, GetType().Assembly.GetName().Name!);
        }
    }

    protected abstract void UseProvider(DbContextOptionsBuilder optionsBuilder, string migrationsAssembly);

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        PortalModelConventions.ConfigureConventions(configurationBuilder);

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        var owner = GetType().Assembly;
        foreach (var contributor in DeclaredContributors().Where(c => c.Owner == owner))
        {
            contributor.Configure(modelBuilder);
        }

        PortalModelConventions.Apply(modelBuilder);
    }

    /// <summary>The model contributors a module registers, read from its service registrations.</summary>
    public static IReadOnlyList<IModelContributor> ContributorsOf(PortalModule module)
    {
        ArgumentNullException.ThrowIfNull(module);
        var services = new ServiceCollection();
        module.ConfigureServices(services, new ConfigurationBuilder().Build());
        return services.ModelContributors();
    }
}

/// <summary>SQLite migrations of one owner.</summary>
public abstract class SqliteModuleMigrations : ModuleMigrationsContext
{
    public sealed override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    protected sealed override void UseProvider(DbContextOptionsBuilder optionsBuilder, string migrationsAssembly) =>
        optionsBuilder.UseSqlite(ConnectionString ?? "Data Source=:memory:", o => o
            .MigrationsAssembly(migrationsAssembly)
            .MigrationsHistoryTable(HistoryTable));
}

/// <summary>PostgreSQL migrations of one owner.</summary>
public abstract class PostgresModuleMigrations : ModuleMigrationsContext
{
    public sealed override DatabaseProvider Provider => DatabaseProvider.PostgreSql;

    protected sealed override void UseProvider(DbContextOptionsBuilder optionsBuilder, string migrationsAssembly) =>
        optionsBuilder.UseNpgsql(ConnectionString ?? "Host=localhost", o => o
            .MigrationsAssembly(migrationsAssembly)
            .MigrationsHistoryTable(HistoryTable));
}

/// <summary>SQLite migrations of module <typeparamref name="TModule"/>: <c>public sealed class XSqliteMigrations : SqliteModuleMigrations&lt;XModule&gt;;</c></summary>
public abstract class SqliteModuleMigrations<TModule> : SqliteModuleMigrations where TModule : PortalModule, new()
{
    public sealed override string ModuleName => ModuleOf<TModule>.Instance.Name;

    protected sealed override IEnumerable<IModelContributor> DeclaredContributors() => ModuleOf<TModule>.Contributors;
}

/// <summary>PostgreSQL migrations of module <typeparamref name="TModule"/>.</summary>
public abstract class PostgresModuleMigrations<TModule> : PostgresModuleMigrations where TModule : PortalModule, new()
{
    public sealed override string ModuleName => ModuleOf<TModule>.Instance.Name;

    protected sealed override IEnumerable<IModelContributor> DeclaredContributors() => ModuleOf<TModule>.Contributors;
}

internal static class ModuleOf<TModule> where TModule : PortalModule, new()
{
    public static readonly TModule Instance = new();

    public static readonly IReadOnlyList<IModelContributor> Contributors = ModuleMigrationsContext.ContributorsOf(Instance);
}

/// <summary>A module's pair of migrations contexts, in the order the initializer applies them.</summary>
public sealed record ModuleMigrations(Type Sqlite, Type PostgreSql)
{
    /// <summary>A context ready to migrate the given database.</summary>
    public ModuleMigrationsContext Create(DatabaseProvider provider, string connectionString)
    {
        var context = (ModuleMigrationsContext)Activator.CreateInstance(provider == DatabaseProvider.PostgreSql ? PostgreSql : Sqlite)!;
        context.ConnectionString = connectionString;
        return context;
    }

    internal Assembly Owner => Sqlite.Assembly;
}
