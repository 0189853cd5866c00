namespace Portal.Core.Auditing;

/// <summary>
/// The database's own guard on the audit trail, created by Core's migrations: no row is ever
/// updated, and no row younger than <see cref="RetentionMonths"/> months is deleted, whoever
/// connects (on PostgreSQL the application role also lacks UPDATE and DELETE on the table; the
/// owner, who runs <c>audit purge</c>, meets these triggers too). Only a superuser, or whoever
/// can write the SQLite file, can get past them, and the hash chain shows what they did.
/// </summary>
public static class AuditTriggers
{
    /// <summary>Audit rows are kept at least this long.</summary>
    public const int RetentionMonths = 12;

    public const string SqliteCreate = """
        CREATE TRIGGER "AuditEntries_no_update" BEFORE UPDATE ON "AuditEntries"
        BEGIN SELECT RAISE(ABORT, 'audit entries are insert-only'); END;
        CREATE TRIGGER "AuditEntries_no_delete" BEFORE DELETE ON "AuditEntries"
        WHEN OLD."AtUtc" >= datetime('now', '-12 months')
        BEGIN SELECT RAISE(ABORT, 'audit entries younger than 12 months cannot be deleted'); END;
        """;

    public const string SqliteDrop = """
        DROP TRIGGER IF EXISTS "AuditEntries_no_update";
        DROP TRIGGER IF EXISTS "AuditEntries_no_delete";
        """;

    public const string PostgresCreate = """
        CREATE OR REPLACE FUNCTION audit_entries_guard() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF TG_OP = 'DELETE' AND OLD."AtUtc" < now() - interval '12 months' THEN
            RETURN OLD;
          END IF;
          RAISE EXCEPTION 'audit entries are insert-only and kept 12 months (% refused)', TG_OP
            USING ERRCODE = 'insufficient_privilege';
        END $$;
        CREATE TRIGGER audit_entries_no_update BEFORE UPDATE ON "AuditEntries" FOR EACH ROW EXECUTE FUNCTION audit_entries_guard();
        CREATE TRIGGER audit_entries_no_delete BEFORE DELETE ON "AuditEntries" FOR EACH ROW EXECUTE FUNCTION audit_entries_guard();
        CREATE TRIGGER audit_entries_no_truncate BEFORE TRUNCATE ON "AuditEntries" FOR EACH STATEMENT EXECUTE FUNCTION audit_entries_guard();
        """;

    public const string PostgresDrop = """
        DROP TRIGGER IF EXISTS audit_entries_no_update ON "AuditEntries";
        DROP TRIGGER IF EXISTS audit_entries_no_delete ON "AuditEntries";
        DROP TRIGGER IF EXISTS audit_entries_no_truncate ON "AuditEntries";
        DROP FUNCTION IF EXISTS audit_entries_guard();
        """;

    /// <summary>Rows written before the chain existed are numbered below zero, outside it (verification lists them).</summary>
    public const string NumberLegacyRows = "UPDATE \"AuditEntries\" SET \"Sequence\" = -\"Id\";";
}
