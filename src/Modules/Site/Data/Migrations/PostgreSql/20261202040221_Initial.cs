using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Portal.Modules.Site.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "PublicItemIndex",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ContentType = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    Title = table.Column<string>(type: "character varying(1024)", maxLength: 1024, nullable: false),
                    Path = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: true),
                    Summary = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    ImagePath = table.Column<string>(type: "character varying(1024)", maxLength: 1024, nullable: true),
                    ImageAlt = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: true),
                    Featured = table.Column<bool>(type: "boolean", nullable: false),
                    Culture = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    PublishedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ModifiedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    TenantId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    ContentItemId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    ContentItemVersionId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Latest = table.Column<bool>(type: "boolean", nullable: false),
                    Published = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PublicItemIndex", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PublicTermIndex",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TermId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ContentType = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    PublishedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    TenantId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    ContentItemId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    ContentItemVersionId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Latest = table.Column<bool>(type: "boolean", nullable: false),
                    Published = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PublicTermIndex", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PublicItemIndex_TenantId",
                table: "PublicItemIndex",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_PublicItemIndex_TenantId_ContentItemId",
                table: "PublicItemIndex",
                columns: new[] { "TenantId", "ContentItemId" });

            migrationBuilder.CreateIndex(
                name: "IX_PublicItemIndex_TenantId_ContentType_Featured_PublishedUtc_~",
                table: "PublicItemIndex",
                columns: new[] { "TenantId", "ContentType", "Featured", "PublishedUtc", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_PublicItemIndex_TenantId_ContentType_PublishedUtc_Id",
                table: "PublicItemIndex",
                columns: new[] { "TenantId", "ContentType", "PublishedUtc", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_PublicItemIndex_TenantId_PublishedUtc_Id",
                table: "PublicItemIndex",
                columns: new[] { "TenantId", "PublishedUtc", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_PublicTermIndex_TenantId",
                table: "PublicTermIndex",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_PublicTermIndex_TenantId_ContentItemId",
                table: "PublicTermIndex",
                columns: new[] { "TenantId", "ContentItemId" });

            migrationBuilder.CreateIndex(
                name: "IX_PublicTermIndex_TenantId_TermId_PublishedUtc_ContentItemId",
                table: "PublicTermIndex",
                columns: new[] { "TenantId", "TermId", "PublishedUtc", "ContentItemId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PublicItemIndex");

            migrationBuilder.DropTable(
                name: "PublicTermIndex");
        }
    }
}
