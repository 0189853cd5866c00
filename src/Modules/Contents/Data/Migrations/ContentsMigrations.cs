using Portal.Core.Data.Migrations;

namespace Portal.Modules.Contents.Data.Migrations;

// The module's migrations, one context per provider (created by scripts/add-migration.sh Contents <Name>).

public sealed class ContentsSqliteMigrations : SqliteModuleMigrations<ContentsModule>;

public sealed class ContentsPostgresMigrations : PostgresModuleMigrations<ContentsModule>;
