using Portal.Core.Data.Migrations;

namespace Portal.Modules.Search.Data.Migrations;

// The module's migrations, one context per provider (created by scripts/add-migration.sh Search <Name>).

public sealed class SearchSqliteMigrations : SqliteModuleMigrations<SearchModule>;

public sealed class SearchPostgresMigrations : PostgresModuleMigrations<SearchModule>;
