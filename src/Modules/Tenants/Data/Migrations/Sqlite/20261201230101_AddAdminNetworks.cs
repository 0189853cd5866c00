using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Modules.Tenants.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddAdminNetworks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "AdminNetworks",
                table: "Tenants",
                type: "TEXT",
                nullable: false,
                defaultValue: "[]");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "AdminNetworks",
                table: "Tenants");
        }
    }
}
