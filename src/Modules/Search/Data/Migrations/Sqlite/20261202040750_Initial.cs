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

            // The full-text index: an FTS5 table over the folded columns, its content read from
            // SearchDocuments (external content), kept in step by triggers. The tenant's id is a
            // column of its own, so a query names it and stays within one tenant's rows.
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE "SearchFts" USING fts5(
                    "TenantId", "FoldedTitle", "FoldedSummary", "FoldedBody",
                    content='SearchDocuments', content_rowid='Id', tokenize='unicode61 remove_diacritics 0');
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "SearchDocuments_ai" AFTER INSERT ON "SearchDocuments" BEGIN
                    INSERT INTO "SearchFts"(rowid, "TenantId", "FoldedTitle", "FoldedSummary", "FoldedBody")
                    VALUES (new."Id", new."TenantId", new."FoldedTitle", new."FoldedSummary", new."FoldedBody");
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "SearchDocuments_ad" AFTER DELETE ON "SearchDocuments" BEGIN
                    INSERT INTO "SearchFts"("SearchFts", rowid, "TenantId", "FoldedTitle", "FoldedSummary", "FoldedBody")
                    VALUES ('delete', old."Id", old."TenantId", old."FoldedTitle", old."FoldedSummary", old."FoldedBody");
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "SearchDocuments_au" AFTER UPDATE ON "SearchDocuments" BEGIN
                    INSERT INTO "SearchFts"("SearchFts", rowid, "TenantId", "FoldedTitle", "FoldedSummary", "FoldedBody")
                    VALUES ('delete', old."Id", old."TenantId", old."FoldedTitle", old."FoldedSummary", old."FoldedBody");
                    INSERT INTO "SearchFts"(rowid, "TenantId", "FoldedTitle", "FoldedSummary", "FoldedBody")
                    VALUES (new."Id", new."TenantId", new."FoldedTitle", new."FoldedSummary", new."FoldedBody");
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
