using Portal.Core.Data.Migrations;

namespace Portal.Modules.Taxonomies.Data.Migrations;

// The module's migrations, one context per provider (created by scripts/add-migration.sh Taxonomies <Name>).

public sealed class TaxonomiesSqliteMigrations : SqliteModuleMigrations<TaxonomiesModule>;

public sealed class TaxonomiesPostgresMigrations : PostgresModuleMigrations<TaxonomiesModule>;
