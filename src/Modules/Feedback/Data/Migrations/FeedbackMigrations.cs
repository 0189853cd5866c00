using Portal.Core.Data.Migrations;

namespace Portal.Modules.Feedback.Data.Migrations;

// The module's migrations, one context per provider (created by scripts/add-migration.sh Feedback <Name>).

public sealed class FeedbackSqliteMigrations : SqliteModuleMigrations<FeedbackModule>;

public sealed class FeedbackPostgresMigrations : PostgresModuleMigrations<FeedbackModule>;
