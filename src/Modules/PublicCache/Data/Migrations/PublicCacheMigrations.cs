using Portal.Core.Data.Migrations;

namespace Portal.Modules.PublicCache.Data.Migrations;

// The module's migrations, one context per provider (created by scripts/add-migration.sh PublicCache <Name>).

public sealed class PublicCacheSqliteMigrations : SqliteModuleMigrations<PublicCacheModule>;

public sealed class PublicCachePostgresMigrations : PostgresModuleMigrations<PublicCacheModule>;
