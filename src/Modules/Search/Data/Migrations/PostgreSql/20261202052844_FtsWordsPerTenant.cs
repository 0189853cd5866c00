using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Modules.Search.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class FtsWordsPerTenant : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Nothing on PostgreSQL: the change is SQLite's FTS5 table (the tsvector is per row, its query names the tenant).
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
        }
    }
}
