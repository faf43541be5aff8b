/// A piece of equipment under discussion, on order or delivered (after the SIPRI register).
///
/// Not `Codable` on its own: it is read and written as part of a ``PartnershipRecord``,
/// whose `Codable` form is the JSON form of `docs/json-mapping.md` (its code lists,
/// being `Codable` strings, are the mapping's values).
public struct EquipmentItem: Sendable, Hashable {
    /// The broad category.
    public var category: Category
    /// Where the item stands.
    public var status: Status
    /// The `ref` of the supplying party, when known.
    public var supplier: String?
    /// The `ref` of the receiving party, when known.
    public var recipient: String?
    /// The designation (model name), when known.
    public var designation: String?
    /// Details, in one or more languages.
    public var description: [Narrative]
    /// Planned, ordered and delivered numbers, at most one of each kind.
    public var quantities: [Quantity]

    /// Creates an equipment item.
    public init(
        category: Category, status: Status, supplier: String? = nil, recipient: String? = nil,
        designation: String? = nil, description: [Narrative] = [], quantities: [Quantity] = []
    ) {
        self.category = category
        self.status = status
        self.supplier = supplier
        self.recipient = recipient
        self.designation = designation
        self.description = description
        self.quantities = quantities
    }

    /// Equipment categories.
    public enum Category: String, Sendable, Hashable, Codable, CaseIterable {
        /// An air-defence system. `air-defence-system` in XML and JSON.
        case airDefenceSystem = "air-defence-system"
        /// A radar. `radar` in XML and JSON.
        case radar
        /// A combat vehicle. `combat-vehicle` in XML and JSON.
        case combatVehicle = "combat-vehicle"
        /// A tactical vehicle. `tactical-vehicle` in XML and JSON.
        case tacticalVehicle = "tactical-vehicle"
        /// Military electronics. `military-electronics` in XML and JSON.
        case militaryElectronics = "military-electronics"
        /// An aircraft. `aircraft` in XML and JSON.
        case aircraft
        /// A helicopter. `helicopter` in XML and JSON.
        case helicopter
        /// An unmanned system. `unmanned-system` in XML and JSON.
        case unmannedSystem = "unmanned-system"
        /// Artillery. `artillery` in XML and JSON.
        case artillery
        /// A missile. `missile` in XML and JSON.
        case missile
        /// A ship. `ship` in XML and JSON.
        case ship
        /// Small arms. `small-arms` in XML and JSON.
        case smallArms = "small-arms"
        /// Ammunition. `ammunition` in XML and JSON.
        case ammunition
        /// Communications equipment. `communications` in XML and JSON.
        case communications
        /// A training system. `training-system` in XML and JSON.
        case trainingSystem = "training-system"
        /// Spare parts. `spare-parts` in XML and JSON.
        case spareParts = "spare-parts"
        /// Another category. `other` in XML and JSON.
        case other
    }

    /// Where an item stands.
    public enum Status: String, Sendable, Hashable, Codable, CaseIterable {
        /// Considered, not ordered. `candidate` in XML and JSON.
        case candidate
        /// Ordered. `ordered` in XML and JSON.
        case ordered
        /// Delivered. `delivered` in XML and JSON.
        case delivered
        /// Cancelled. `cancelled` in XML and JSON.
        case cancelled
    }

    /// A number of units of one kind.
    ///
    /// Not `Codable` on its own: it is read and written as part of a ``PartnershipRecord``,
    /// whose `Codable` form is the JSON form of `docs/json-mapping.md` (its code lists,
    /// being `Codable` strings, are the mapping's values).
    public struct Quantity: Sendable, Hashable {
        /// Planned, ordered or delivered.
        public var kind: Kind
        /// How many units.
        public var count: Int

        /// Creates a quantity.
        public init(kind: Kind, count: Int) {
            self.kind = kind
            self.count = count
        }

        /// What a quantity counts.
        public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
            /// Units planned. `planned` in XML and JSON.
            case planned
            /// Units ordered. `ordered` in XML and JSON.
            case ordered
            /// Units delivered. `delivered` in XML and JSON.
            case delivered
        }
    }
}
