using Portal.Core.Data.Migrations;

namespace Portal.Modules.Users.Data.Migrations;

// The module's migrations, one context per provider (created by scripts/add-migration.sh Users <Name>).

public sealed class UsersSqliteMigrations : SqliteModuleMigrations<UsersModule>;

public sealed class UsersPostgresMigrations : PostgresModuleMigrations<UsersModule>;
