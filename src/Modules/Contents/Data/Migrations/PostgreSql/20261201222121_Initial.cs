using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Portal.Modules.Contents.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ContentItems",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TenantId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    ContentItemId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    ContentItemVersionId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    ContentType = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    DisplayText = table.Column<string>(type: "character varying(1024)", maxLength: 1024, nullable: false),
                    Latest = table.Column<bool>(type: "boolean", nullable: false),
                    Published = table.Column<bool>(type: "boolean", nullable: false),
                    Author = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ModifiedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    PublishedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Culture = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    Alias = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Data = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContentItems", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ContentTypeDefinitions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TenantId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Name = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    DisplayName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Settings = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContentTypeDefinitions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RouteIndex",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Path = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: false),
                    TenantId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    ContentItemId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    ContentItemVersionId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Latest = table.Column<bool>(type: "boolean", nullable: false),
                    Published = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RouteIndex", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ContentItems_TenantId",
                table: "ContentItems",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_ContentItems_TenantId_Alias",
                table: "ContentItems",
                columns: new[] { "TenantId", "Alias" },
                unique: true,
                filter: "\"Alias\" IS NOT NULL AND \"Latest\"");

            migrationBuilder.CreateIndex(
                name: "IX_ContentItems_TenantId_ContentItemId_Latest",
                table: "ContentItems",
                columns: new[] { "TenantId", "ContentItemId", "Latest" });

            migrationBuilder.CreateIndex(
                name: "IX_ContentItems_TenantId_ContentItemId_Number",
                table: "ContentItems",
                columns: new[] { "TenantId", "ContentItemId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ContentItems_TenantId_ContentItemId_Published",
                table: "ContentItems",
                columns: new[] { "TenantId", "ContentItemId", "Published" });

            migrationBuilder.CreateIndex(
                name: "IX_ContentItems_TenantId_ContentItemVersionId",
                table: "ContentItems",
                columns: new[] { "TenantId", "ContentItemVersionId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ContentItems_TenantId_ContentType_Latest",
                table: "ContentItems",
                columns: new[] { "TenantId", "ContentType", "Latest" });

            migrationBuilder.CreateIndex(
                name: "IX_ContentItems_TenantId_ContentType_Published",
                table: "ContentItems",
                columns: new[] { "TenantId", "ContentType", "Published" });

            migrationBuilder.CreateIndex(
                name: "IX_ContentTypeDefinitions_TenantId",
                table: "ContentTypeDefinitions",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_ContentTypeDefinitions_TenantId_Name",
                table: "ContentTypeDefinitions",
                columns: new[] { "TenantId", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RouteIndex_TenantId",
                table: "RouteIndex",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_RouteIndex_TenantId_ContentItemId",
                table: "RouteIndex",
                columns: new[] { "TenantId", "ContentItemId" });

            migrationBuilder.CreateIndex(
                name: "IX_RouteIndex_TenantId_Path",
                table: "RouteIndex",
                columns: new[] { "TenantId", "Path" },
                unique: true,
                filter: "\"Published\"");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ContentItems");

            migrationBuilder.DropTable(
                name: "ContentTypeDefinitions");

            migrationBuilder.DropTable(
                name: "RouteIndex");
        }
    }
}
