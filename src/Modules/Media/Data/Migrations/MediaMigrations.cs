using Portal.Core.Data.Migrations;

namespace Portal.Modules.Media.Data.Migrations;

// The module's migrations, one context per provider (created by scripts/add-migration.sh Media <Name>).

public sealed class MediaSqliteMigrations : SqliteModuleMigrations<MediaModule>;

public sealed class MediaPostgresMigrations : PostgresModuleMigrations<MediaModule>;
