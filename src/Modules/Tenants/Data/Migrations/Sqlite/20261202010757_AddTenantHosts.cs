using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Modules.Tenants.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddTenantHosts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "TenantHosts",
                columns: table => new
                {
                    HostName = table.Column<string>(type: "TEXT", maxLength: 253, nullable: false),
                    TenantId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TenantHosts", x => x.HostName);
                    table.ForeignKey(
                        name: "FK_TenantHosts_Tenants_TenantId",
                        column: x => x.TenantId,
                        principalTable: "Tenants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_TenantHosts_TenantId",
                table: "TenantHosts",
                column: "TenantId");

            // Existing tenants' hosts; a host already held by two tenants stops the migration (fix it by hand).
            migrationBuilder.Sql("""
                INSERT INTO "TenantHosts" ("HostName", "TenantId") SELECT DISTINCT lower(h.value), t."Id" FROM "Tenants" t, json_each(t."HostNames") h;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "TenantHosts");
        }
    }
}
