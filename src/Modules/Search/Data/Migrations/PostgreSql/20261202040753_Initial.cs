using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Portal.Modules.Search.Data.Migrations.PostgreSql
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TenantId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    ContentItemId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    ContentItemVersionId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    VersionNumber = table.Column<int>(type: "integer", nullable: false),
                    ContentType = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    Title = table.Column<string>(type: "character varying(1024)", maxLength: 1024, nullable: false),
                    Path = table.Column<string>(type: "character varying(1024)", maxLength: 1024, nullable: false),
                    Summary = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Body = table.Column<string>(type: "text", nullable: false),
                    PublishedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    FoldedTitle = table.Column<string>(type: "text", nullable: false),
                    FoldedSummary = table.Column<string>(type: "text", nullable: false),
                    FoldedBody = table.Column<string>(type: "text", nullable: false)
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

            // The full-text index: a tsvector generated from the folded columns (configuration
            // 'simple': the words as they are, already lower case and without diacritics), weighted
            // title A, summary B, body C, under a GIN index. Row-level security covers the table as
            // every tenant-owned one (DatabaseInitializer).
            migrationBuilder.Sql("""
                ALTER TABLE "SearchDocuments" ADD COLUMN "SearchVector" tsvector GENERATED ALWAYS AS (
                    setweight(to_tsvector('simple'::regconfig, "FoldedTitle"), 'A') ||
                    setweight(to_tsvector('simple'::regconfig, "FoldedSummary"), 'B') ||
                    setweight(to_tsvector('simple'::regconfig, "FoldedBody"), 'C')) STORED;
                """);
            migrationBuilder.Sql("""CREATE INDEX "IX_SearchDocuments_SearchVector" ON "SearchDocuments" USING GIN ("SearchVector");""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SearchDocuments");
        }
    }
}
