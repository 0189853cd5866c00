using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Modules.Contents.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ContentListOrderIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ContentListIndex_TenantId_ContentType_Status_ModifiedUtc",
                table: "ContentListIndex");

            migrationBuilder.DropIndex(
                name: "IX_ContentListIndex_TenantId_Status_ModifiedUtc",
                table: "ContentListIndex");

            migrationBuilder.CreateIndex(
                name: "IX_ContentListIndex_TenantId_ContentType_ModifiedUtc_Id_Status_NormalizedTitle",
                table: "ContentListIndex",
                columns: new[] { "TenantId", "ContentType", "ModifiedUtc", "Id", "Status", "NormalizedTitle" });

            migrationBuilder.CreateIndex(
                name: "IX_ContentListIndex_TenantId_ModifiedUtc_Id_Status_NormalizedTitle",
                table: "ContentListIndex",
                columns: new[] { "TenantId", "ModifiedUtc", "Id", "Status", "NormalizedTitle" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ContentListIndex_TenantId_ContentType_ModifiedUtc_Id_Status_NormalizedTitle",
                table: "ContentListIndex");

            migrationBuilder.DropIndex(
                name: "IX_ContentListIndex_TenantId_ModifiedUtc_Id_Status_NormalizedTitle",
                table: "ContentListIndex");

            migrationBuilder.CreateIndex(
                name: "IX_ContentListIndex_TenantId_ContentType_Status_ModifiedUtc",
                table: "ContentListIndex",
                columns: new[] { "TenantId", "ContentType", "Status", "ModifiedUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_ContentListIndex_TenantId_Status_ModifiedUtc",
                table: "ContentListIndex",
                columns: new[] { "TenantId", "Status", "ModifiedUtc" });
        }
    }
}
