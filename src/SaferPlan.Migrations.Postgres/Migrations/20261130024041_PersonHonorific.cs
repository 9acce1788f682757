using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SaferPlan.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class PersonHonorific : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Honorific",
                table: "People",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Honorific",
                table: "People");
        }
    }
}
