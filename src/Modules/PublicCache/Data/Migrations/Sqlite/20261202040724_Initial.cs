using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Modules.PublicCache.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "PublicCacheGenerations",
                columns: table => new
                {
                    TenantId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Generation = table.Column<long>(type: "INTEGER", nullable: false),
                    ChangedUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PublicCacheGenerations", x => x.TenantId);
                });

            migrationBuilder.CreateTable(
                name: "VisitDays",
                columns: table => new
                {
                    TenantId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Count = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VisitDays", x => new { x.TenantId, x.Day });
                });

            migrationBuilder.CreateTable(
                name: "VisitOnline",
                columns: table => new
                {
                    TenantId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Node = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Online = table.Column<int>(type: "INTEGER", nullable: false),
                    SeenUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VisitOnline", x => new { x.TenantId, x.Node });
                });

            migrationBuilder.CreateIndex(
                name: "IX_VisitDays_TenantId",
                table: "VisitDays",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_VisitOnline_TenantId",
                table: "VisitOnline",
                column: "TenantId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PublicCacheGenerations");

            migrationBuilder.DropTable(
                name: "VisitDays");

            migrationBuilder.DropTable(
                name: "VisitOnline");
        }
    }
}
