using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Modules.Search.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class TsvectorWordsPerTenant : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Nothing on SQLite: its FTS5 words carry the tenant's id since FtsWordsPerTenant; this is PostgreSQL's turn.
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
        }
    }
}
