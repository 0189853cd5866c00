using Portal.Core.Data.Migrations;

namespace Portal.Modules.Tenants.Data.Migrations;

// The module's migrations, one context per provider (created by scripts/add-migration.sh Tenants <Name>).

public sealed class TenantsSqliteMigrations : SqliteModuleMigrations<TenantsModule>;

public sealed class TenantsPostgresMigrations : PostgresModuleMigrations<TenantsModule>;
