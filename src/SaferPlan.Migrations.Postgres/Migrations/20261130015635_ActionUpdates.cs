using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace SaferPlan.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class ActionUpdates : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "ActionUpdateId",
                table: "MilestoneUpdates",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ActionUpdates",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ActionId = table.Column<int>(type: "integer", nullable: false),
                    Period = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ActionUpdates", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ActionUpdates_Actions_ActionId",
                        column: x => x.ActionId,
                        principalTable: "Actions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_MilestoneUpdates_ActionUpdateId",
                table: "MilestoneUpdates",
                column: "ActionUpdateId");

            migrationBuilder.CreateIndex(
                name: "IX_ActionUpdates_ActionId_Period",
                table: "ActionUpdates",
                columns: new[] { "ActionId", "Period" },
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_MilestoneUpdates_ActionUpdates_ActionUpdateId",
                table: "MilestoneUpdates",
                column: "ActionUpdateId",
                principalTable: "ActionUpdates",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_MilestoneUpdates_ActionUpdates_ActionUpdateId",
                table: "MilestoneUpdates");

            migrationBuilder.DropTable(
                name: "ActionUpdates");

            migrationBuilder.DropIndex(
                name: "IX_MilestoneUpdates_ActionUpdateId",
                table: "MilestoneUpdates");

            migrationBuilder.DropColumn(
                name: "ActionUpdateId",
                table: "MilestoneUpdates");
        }
    }
}
