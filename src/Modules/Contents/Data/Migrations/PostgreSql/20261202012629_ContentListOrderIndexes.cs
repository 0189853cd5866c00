using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Modules.Contents.Data.Migrations.PostgreSql
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

            migrationBuilder.AlterColumn<string>(
                name: "NormalizedTitle",
                table: "ContentListIndex",
                type: "character varying(500)",
                maxLength: 500,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(1024)",
                oldMaxLength: 1024);

            migrationBuilder.CreateIndex(
                name: "IX_ContentListIndex_TenantId_ContentType_ModifiedUtc_Id_Status~",
                table: "ContentListIndex",
                columns: new[] { "TenantId", "ContentType", "ModifiedUtc", "Id", "Status", "NormalizedTitle" });

            migrationBuilder.CreateIndex(
                name: "IX_ContentListIndex_TenantId_ModifiedUtc_Id_Status_NormalizedT~",
                table: "ContentListIndex",
                columns: new[] { "TenantId", "ModifiedUtc", "Id", "Status", "NormalizedTitle" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ContentListIndex_TenantId_ContentType_ModifiedUtc_Id_Status~",
                table: "ContentListIndex");

            migrationBuilder.DropIndex(
                name: "IX_ContentListIndex_TenantId_ModifiedUtc_Id_Status_NormalizedT~",
                table: "ContentListIndex");

            migrationBuilder.AlterColumn<string>(
                name: "NormalizedTitle",
                table: "ContentListIndex",
                type: "character varying(1024)",
                maxLength: 1024,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(500)",
                oldMaxLength: 500);

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
