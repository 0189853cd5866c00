using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Modules.Search.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "SearchDocuments",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TenantId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ContentItemId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ContentItemVersionId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    VersionNumber = table.Column<int>(type: "INTEGER", nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 1024, nullable: false),
                    Path = table.Column<string>(type: "TEXT", maxLength: 1024, nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Body = table.Column<string>(type: "TEXT", nullable: false),
                    PublishedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    FoldedTitle = table.Column<string>(type: "TEXT", nullable: false),
                    FoldedSummary = table.Column<string>(type: "TEXT", nullable: false),
                    FoldedBody = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SearchDocuments", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SearchDocuments_TenantId",
                table: "SearchDocuments",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_SearchDocuments_TenantId_ContentItemId",
                table: "SearchDocuments",
                columns: new[] { "TenantId", "ContentItemId" },
                unique: true);

            // The full-text index: a contentless FTS5 table over the folded columns, every word
            // prefixed with the tenant's id (32 hex characters) by the triggers that keep it in step,
            // so a query reads the doclists of one tenant's words only, however many tenants share
            // the table. Rows are shown from SearchDocuments; the FTS table only ranks.
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE "SearchFts" USING fts5(
                    "Title", "Summary", "Body", content='', tokenize='unicode61 remove_diacritics 0');
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "SearchDocuments_ai" AFTER INSERT ON "SearchDocuments" BEGIN
                    INSERT INTO "SearchFts"(rowid, "Title", "Summary", "Body")
                    VALUES (new."Id", CASE WHEN new."FoldedTitle" = '' THEN '' ELSE new."TenantId" || replace(new."FoldedTitle", ' ', ' ' || new."TenantId") END, CASE WHEN new."FoldedSummary" = '' THEN '' ELSE new."TenantId" || replace(new."FoldedSummary", ' ', ' ' || new."TenantId") END, CASE WHEN new."FoldedBody" = '' THEN '' ELSE new."TenantId" || replace(new."FoldedBody", ' ', ' ' || new."TenantId") END);
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "SearchDocuments_ad" AFTER DELETE ON "SearchDocuments" BEGIN
                    INSERT INTO "SearchFts"("SearchFts", rowid, "Title", "Summary", "Body")
                    VALUES ('delete', old."Id", CASE WHEN old."FoldedTitle" = '' THEN '' ELSE old."TenantId" || replace(old."FoldedTitle", ' ', ' ' || old."TenantId") END, CASE WHEN old."FoldedSummary" = '' THEN '' ELSE old."TenantId" || replace(old."FoldedSummary", ' ', ' ' || old."TenantId") END, CASE WHEN old."FoldedBody" = '' THEN '' ELSE old."TenantId" || replace(old."FoldedBody", ' ', ' ' || old."TenantId") END);
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "SearchDocuments_au" AFTER UPDATE ON "SearchDocuments" BEGIN
                    INSERT INTO "SearchFts"("SearchFts", rowid, "Title", "Summary", "Body")
                    VALUES ('delete', old."Id", CASE WHEN old."FoldedTitle" = '' THEN '' ELSE old."TenantId" || replace(old."FoldedTitle", ' ', ' ' || old."TenantId") END, CASE WHEN old."FoldedSummary" = '' THEN '' ELSE old."TenantId" || replace(old."FoldedSummary", ' ', ' ' || old."TenantId") END, CASE WHEN old."FoldedBody" = '' THEN '' ELSE old."TenantId" || replace(old."FoldedBody", ' ', ' ' || old."TenantId") END);
                    INSERT INTO "SearchFts"(rowid, "Title", "Summary", "Body")
                    VALUES (new."Id", CASE WHEN new."FoldedTitle" = '' THEN '' ELSE new."TenantId" || replace(new."FoldedTitle", ' ', ' ' || new."TenantId") END, CASE WHEN new."FoldedSummary" = '' THEN '' ELSE new."TenantId" || replace(new."FoldedSummary", ' ', ' ' || new."TenantId") END, CASE WHEN new."FoldedBody" = '' THEN '' ELSE new."TenantId" || replace(new."FoldedBody", ' ', ' ' || new."TenantId") END);
                END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "SearchDocuments_au";""");
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "SearchDocuments_ad";""");
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "SearchDocuments_ai";""");
            migrationBuilder.Sql("""DROP TABLE IF EXISTS "SearchFts";""");
            migrationBuilder.DropTable(
                name: "SearchDocuments");
        }
    }
}
