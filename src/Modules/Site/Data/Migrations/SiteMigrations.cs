using Portal.Core.Data.Migrations;

namespace Portal.Modules.Site.Data.Migrations;

// The module's migrations, one context per provider (created by scripts/add-migration.sh Site <Name>).

public sealed class SiteSqliteMigrations : SqliteModuleMigrations<SiteModule>;

public sealed class SitePostgresMigrations : PostgresModuleMigrations<SiteModule>;
