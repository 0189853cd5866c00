using Portal.Core.Auditing;
using Portal.Core.Settings;

namespace Portal.Core.Data.Migrations;

// The platform's own tables (the audit trail, the tenants' settings). Core is no module, so it names its contributors.

public sealed class CoreSqliteMigrations : SqliteModuleMigrations
{
    public override string ModuleName => CoreMigrations.Name;

    protected override IEnumerable<IModelContributor> DeclaredContributors() => CoreMigrations.Contributors;
}

public sealed class CorePostgresMigrations : PostgresModuleMigrations
{
    public override string ModuleName => CoreMigrations.Name;

    protected override IEnumerable<IModelContributor> DeclaredContributors() => CoreMigrations.Contributors;
}

internal static class CoreMigrations
{
    public const string Name = "Core";

    public static readonly IModelContributor[] Contributors = [new AuditModel(), new TenantSettingsModel()];
}
