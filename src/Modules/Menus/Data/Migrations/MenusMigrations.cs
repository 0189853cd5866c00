using Portal.Core.Data.Migrations;

namespace Portal.Modules.Menus.Data.Migrations;

// The module's migrations, one context per provider (created by scripts/add-migration.sh Menus <Name>).

public sealed class MenusSqliteMigrations : SqliteModuleMigrations<MenusModule>;

public sealed class MenusPostgresMigrations : PostgresModuleMigrations<MenusModule>;
