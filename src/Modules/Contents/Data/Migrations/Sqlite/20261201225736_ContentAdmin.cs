using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Modules.Contents.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ContentAdmin : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ContentAutosaves",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TenantId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 180, nullable: false),
                    BaseVersionId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    Values = table.Column<string>(type: "TEXT", nullable: false),
                    SavedUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContentAutosaves", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ContentListIndex",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 1024, nullable: false),
                    NormalizedTitle = table.Column<string>(type: "TEXT", maxLength: 1024, nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    HasDraft = table.Column<bool>(type: "INTEGER", nullable: false),
                    Author = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ModifiedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    PublishedUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    TenantId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ContentItemId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ContentItemVersionId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Latest = table.Column<bool>(type: "INTEGER", nullable: false),
                    Published = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContentListIndex", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ContentAutosaves_TenantId",
                table: "ContentAutosaves",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_ContentAutosaves_TenantId_UserName_Key",
                table: "ContentAutosaves",
                columns: new[] { "TenantId", "UserName", "Key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ContentListIndex_TenantId",
                table: "ContentListIndex",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_ContentListIndex_TenantId_Author_ModifiedUtc",
                table: "ContentListIndex",
                columns: new[] { "TenantId", "Author", "ModifiedUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_ContentListIndex_TenantId_ContentItemId",
                table: "ContentListIndex",
                columns: new[] { "TenantId", "ContentItemId" });

            migrationBuilder.CreateIndex(
                name: "IX_ContentListIndex_TenantId_ContentType_Status_ModifiedUtc",
                table: "ContentListIndex",
                columns: new[] { "TenantId", "ContentType", "Status", "ModifiedUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_ContentListIndex_TenantId_Status_ModifiedUtc",
                table: "ContentListIndex",
                columns: new[] { "TenantId", "Status", "ModifiedUtc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ContentAutosaves");

            migrationBuilder.DropTable(
                name: "ContentListIndex");
        }
    }
}
