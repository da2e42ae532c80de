// writes fixtures/catalog/: our own demo catalog in the customer's three-file format, plus prices.json.
// every id the T2 rules name is here, in the subcategory the customer uses, so that the rules run on both;
// names, leaf parts and structures are ours. deterministic: the same script gives the same files.
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'

interface ComponentLine {
  part_id: string
  quantity: number
  notes?: string | null
}
interface Assembly {
  name: string
  type: 'KIT' | 'SIMPLE' | 'SERVICE_PART' | 'COMPLEX'
  category_code: string
  subcategory_code: string
  can_order: boolean
  is_kit: boolean
  status: 'ACTIVE'
  components: ComponentLine[]
}

const parts: Record<string, Record<string, unknown>> = {}
const assemblies: Record<string, Assembly> = {}
const prices: Record<string, string> = {}

// a tiny deterministic generator for plausible prices
let seed = 20261125
function random(): number {
  seed = (seed * 1103515245 + 12345) % 2147483648
  return seed / 2147483648
}
function price(min: number, max: number): string {
  return (min + random() * (max - min)).toFixed(2)
}

function part(
  id: string,
  name: string,
  extra: { mpn?: string; maker?: string; cost?: [number, number] | null } = {},
): string {
  parts[id] ??= {
    name,
    manufacturer_part_number: extra.mpn ?? null,
    manufacturer_info: extra.maker ?? null,
    type: 'COMPONENT',
    status: 'ACTIVE',
  }
  if (extra.cost !== null) prices[id] ??= price(...(extra.cost ?? [0.5, 40]))
  return id
}

function assembly(
  id: string,
  fields: {
    name: string
    subcategory: string
    type?: Assembly['type']
    kit?: boolean
    components: ComponentLine[]
  },
): string {
  assemblies[id] = {
    name: fields.name,
    type: fields.type ?? (fields.kit === false ? 'SIMPLE' : 'KIT'),
    category_code: fields.subcategory.split('.')[0] as string,
    subcategory_code: fields.subcategory,
    can_order: true,
    is_kit: fields.kit ?? true,
    status: 'ACTIVE',
    components: fields.components,
  }
  return id
}

/** the customer's twin convention: a part X and an assembly ASSY-X holding X's structure */
function twin(
  id: string,
  fields: {
    name: string
    subcategory: string
    components?: ComponentLine[]
    cost?: [number, number]
  },
): string {
  part(id, fields.name, fields.cost === undefined ? {} : { cost: fields.cost })
  assembly(`ASSY-${id}`, {
    name: fields.name,
    subcategory: fields.subcategory,
    type: 'SIMPLE',
    kit: false,
    components: fields.components ?? [],
  })
  return id
}

const c = (part_id: string, quantity = 1, notes?: string): ComponentLine =>
  notes === undefined ? { part_id, quantity } : { part_id, quantity, notes }

// leaf parts shared by many assemblies (some with the unfriendly ids real catalogs have)
const screw = part('10-32 X 1/2" PAN HEAD SCREW', 'SCREW, PAN HEAD 10-32 X 1/2″ SS', {
  mpn: '91772A831',
  maker: 'MCMASTER',
  cost: [0.05, 0.2],
})
const nut = part('10-32 NYLOC NUT', 'NUT, NYLON INSERT 10-32 SS', { cost: [0.05, 0.2] })
const washer = part('1/4 FLAT WASHER', 'WASHER, FLAT ¼″ SS', { cost: [0.02, 0.1] })
const bracket = part('DM-BRKT-200', 'MOUNTING BRACKET, 2 IN, SS', { cost: [2, 6] })
const label = part('40117', 'SERIAL NUMBER LABEL', { cost: [0.1, 0.5] })
const cable = part('DM-M8-CABLE-1M', 'M8 3-PIN CABLE, 1 M', { mpn: 'M8-3P-1M', cost: [4, 9] })
const board = part('DM-IO-BOARD-R2', 'I/O CONTROLLER BOARD R2', { cost: [60, 120] })
const psu = part('DM-PSU-24V-150W', 'POWER SUPPLY 24 VDC 150 W', { cost: [35, 60] })
const enclosure = part('DM-CTRL-ENCL', 'CONTROL BOX ENCLOSURE, IP65', { cost: [40, 80] })
part('1.23E+11', 'GASKET (ID MANGLED BY A SPREADSHEET)', { cost: [0.5, 2] })
part('DM-SPARE-FUSE', 'FUSE 5 A, SPARE', { cost: null })
part('5521', 'UNUSED SPACER', { cost: null })

// sink bodies, legs and feet
const frame = (size: string) =>
  part(`DM-FRAME-${size}`, `WELDED FRAME ${size} IN, 304 SS`, { cost: [300, 600] })
for (const [id, size, name] of [
  ['T2-BODY-48-60-HA', '48-60', 'SINK BODY 48–60 IN, HEIGHT ADJUSTABLE'],
  ['T2-BODY-61-72-HA', '61-72', 'SINK BODY 61–72 IN, HEIGHT ADJUSTABLE'],
  ['T2-BODY-73-120-HA', '73-120', 'SINK BODY 73–120 IN, HEIGHT ADJUSTABLE'],
] as const) {
  assembly(id, {
    name,
    subcategory: '721.709',
    type: 'COMPLEX',
    components: [
      c(frame(size)),
      c(part('DM-SPLASH-PANEL', 'BACKSPLASH PANEL, 16 GA', { cost: [40, 90] }), 2),
      c(part('DM-LIFT-COLUMN', 'LIFTING COLUMN, 24 VDC', { cost: [150, 250] }), 2),
      c(screw, 24),
      c(nut, 24),
      c(label),
    ],
  })
}
const leg = (model: string) => part(`DM-LEG-${model}`, `LEG COLUMN ${model}`, { cost: [40, 90] })
assembly('T2-DL27-KIT', {
  name: 'DL27 HEIGHT-ADJUSTABLE LEG KIT',
  subcategory: '721.711',
  components: [c(leg('DL27'), 4), c(bracket, 4), c(screw, 16)],
})
twin('T2-DL14-KIT', {
  name: 'DL14 HEIGHT-ADJUSTABLE LEG KIT',
  subcategory: '721.711',
  components: [c(leg('DL14'), 4), c(bracket, 4), c(screw, 16), c(nut, 16), c(washer, 16), c(label)],
})
assembly('T2-LC1-KIT', {
  name: 'LC1 HEIGHT-ADJUSTABLE LEG KIT',
  subcategory: '721.711',
  components: [c(leg('LC1'), 4), c(bracket, 4), c(screw, 16)],
})
assembly('T2-DL27-FH-KIT', {
  name: 'DL27 FIXED-HEIGHT LEG KIT',
  subcategory: '721.711',
  components: [c(leg('DL27-FH'), 4), c(screw, 16)],
})
assembly('T2-DL14-FH-KIT', {
  name: 'DL14 FIXED-HEIGHT LEG KIT',
  subcategory: '721.711',
  components: [c(leg('DL14-FH'), 4), c(screw, 16)],
})
twin('T2-LEVELING-CASTOR-475', {
  name: 'LEVELING CASTER 4.75 IN, SET OF 4',
  subcategory: '721.711',
  cost: [80, 140],
})
twin('T2-SEISMIC-FEET', { name: 'SEISMIC FOOT, SET OF 4', subcategory: '721.711', cost: [90, 160] })

// basins: kits, sizes, and a valve plate two levels down through a twin
const drainValve = part('T2-DRAIN-VALVE', 'ELECTRONIC DRAIN VALVE WITH TAILPIECE', {
  cost: [60, 110],
})
const drainHose = part('DM-DRAIN-HOSE-1.5', 'DRAIN HOSE 1.5 IN WITH CLAMPS', { cost: [8, 20] })
const overflow = part('DM-OVERFLOW-SENSOR', 'OVERFLOW SENSOR', { cost: [12, 30] })
const strainer = twin('T2-OA-SINK-STRAINER', {
  name: 'SINK STRAINER, SS',
  subcategory: '720.706',
  cost: [6, 15],
})
const basket = part('DM-DRAIN-BASKET', 'DRAIN BASKET WITH SEAL', { cost: [4, 12] })
const tempSensor = part('DM-TEMP-PROBE', 'TEMPERATURE PROBE, PT1000', { cost: [15, 35] })
const touch = part('DM-TOUCHSCREEN-7', 'TOUCHSCREEN 7 IN', { cost: [90, 160] })
const estop = part('DM-ESTOP', 'EMERGENCY STOP BUTTON', { cost: [10, 25] })
const crossrail = part('DM-CROSSRAIL', 'BASIN CROSSRAIL, SS', { cost: [15, 35] })
const plateParts = [
  c(part('DM-SOLENOID-3/4', 'SOLENOID VALVE 3/4 IN, 24 VDC', { cost: [30, 60] }), 2),
  c(part('DM-MIX-VALVE', 'THERMOSTATIC MIXING VALVE', { cost: [80, 150] })),
  c(part('DM-FLOW-METER', 'FLOW METER 6–40 L/MIN', { cost: [25, 60] })),
  c(part('DM-PEX-1/2-RED', 'PEX-A TUBE ½ IN, RED', { cost: [1, 3] }), 2),
  c(part('DM-PEX-1/2-BLUE', 'PEX-A TUBE ½ IN, BLUE', { cost: [1, 3] }), 2),
  c(part('DM-PLATE-BLANK', 'VALVE PLATE BLANK, SS', { cost: [20, 40] })),
  c(screw, 8),
  c(nut, 8),
]
const plate = twin('T2-VALVE-PLATE-ESK', {
  name: 'ESINK VALVE PLATE ASSEMBLY',
  subcategory: '722.714',
  components: plateParts,
})
const diPlate = twin('T2-VALVE-PLATE-DI', {
  name: 'DI WATER VALVE PLATE ASSEMBLY',
  subcategory: '722.714',
  components: [
    ...plateParts,
    c(part('DM-DI-CHECK-VALVE', 'DI WATER CHECK VALVE', { cost: [15, 30] })),
  ],
})
const dosing = assembly('DM-DOSING-PUMP-KIT', {
  name: 'AUTOMATED DOSING PUMP KIT',
  subcategory: '722.714',
  type: 'COMPLEX',
  kit: false,
  components: [
    c(part('DM-DOSING-PUMP', 'PERISTALTIC DOSING PUMP', { cost: [70, 130] })),
    c(part('DM-DOSING-TUBE', 'DOSING TUBE SET', { cost: [5, 12] })),
    c(cable),
  ],
})
const dosingShelf = twin('T2-OA-DOSINGESK-BTMSHELF', {
  name: 'BOTTOM SHELF FOR DOSING PUMP',
  subcategory: '720.702',
  cost: [40, 80],
})
const common = [
  c(drainValve),
  c(drainHose),
  c(overflow),
  c(strainer),
  c(basket),
  c(crossrail),
  c(label),
]
assembly('T2-BSN-ESK-KIT', {
  name: 'E-SINK BASIN KIT WITH AUTOMATED DOSING',
  subcategory: '722.713',
  components: [...common, c(plate), c(tempSensor), c(touch), c(estop), c(dosing), c(dosingShelf)],
})
assembly('T2-BSN-ESK-DI-KIT', {
  name: 'E-SINK DI BASIN KIT',
  subcategory: '722.713',
  components: [...common, c(diPlate), c(tempSensor), c(touch), c(estop)],
})
assembly('T2-BSN-EDR-KIT', {
  name: 'E-DRAIN BASIN KIT',
  subcategory: '722.713',
  components: [...common, c(part('DM-EDRAIN-BUTTON', 'E-DRAIN PUSH BUTTON', { cost: [8, 20] }))],
})
for (const size of ['20X20X8', '24X20X8', '24X20X10', '30X20X8', '30X20X10']) {
  const [w, l, d] = size.split('X')
  twin(`T2-ADW-BASIN${size}`, {
    name: `BASIN ${w}″ X ${l}″ X ${d}″, 304 SS`,
    subcategory: '722.712',
    cost: [250, 500],
  })
}

// control boxes: E e-drain and S e-sink basins
const boxes: [string, number, number][] = [
  ['T2-CTRL-EDR1', 1, 0],
  ['T2-CTRL-ESK1', 0, 1],
  ['T2-CTRL-EDR1-ESK1', 1, 1],
  ['T2-CTRL-EDR2', 2, 0],
  ['T2-CTRL-ESK2', 0, 2],
  ['T2-CTRL-EDR3', 3, 0],
  ['T2-CTRL-ESK3', 0, 3],
  ['T2-CTRL-EDR1-ESK2', 1, 2],
  ['T2-CTRL-EDR2-ESK1', 2, 1],
]
const edrainBoard = part('DM-EDRAIN-BOARD', 'E-DRAIN CONTROL BOARD', { cost: [40, 70] })
const esinkBoard = part('DM-ESINK-BOARD', 'E-SINK CONTROL BOARD', { cost: [60, 100] })
for (const [id, e, s] of boxes) {
  const components = [
    c(enclosure),
    c(psu),
    c(board),
    c(cable, 2 * (e + s) + 1),
    ...(e > 0 ? [c(edrainBoard, e)] : []),
    ...(s > 0 ? [c(esinkBoard, s)] : []),
    c(bracket, 2),
    c(screw, 8),
  ]
  const name = `CONTROL BOX FOR ${[e > 0 ? `${e} E-DRAIN` : '', s > 0 ? `${s} E-SINK` : ''].filter(Boolean).join(' + ')} BASIN${e + s > 1 ? 'S' : ''}`
  // some boxes use the twin convention, as the customer's do
  if (e + s >= 2 && (e === 0 || s === 0)) twin(id, { name, subcategory: '719.016', components })
  else assembly(id, { name, subcategory: '719.016', type: 'SERVICE_PART', kit: false, components })
}

// pegboards: sizes, colours, ready kits
const colourPart = '708.77'
parts[colourPart] = {
  name: 'PEGBOARD COLOUR COMPONENT',
  category: 'PEGBOARD',
  subcategory: 'PEGBOARD_COLOR',
  type: 'COMPONENT',
  vendor: 'TORVAN',
  status: 'ACTIVE',
  description: 'Colour finish for a pegboard, in 8 colours',
}
prices[colourPart] = '35.00'
const sizes = ['3436', '4836', '6036', '7236', '8436', '9636', '10836', '12036']
const colours = ['GREEN', 'BLACK', 'YELLOW', 'GREY', 'RED', 'BLUE', 'ORANGE', 'WHITE']
const perforation = part('DM-PB-PERFORATION', 'PERFORATION PATTERN, ¼″ HOLES', { cost: [20, 40] })
const solidSkin = part('DM-PB-SOLID-SKIN', 'SOLID PEGBOARD SKIN', { cost: [20, 40] })
for (const size of sizes) {
  const panel = twin(`T2-ADW-PB-${size}`, {
    name: `PEGBOARD PANEL ${size.slice(0, -2)}″ X ${size.slice(-2)}″`,
    subcategory: '723.715',
    cost: [120, 300],
  })
  for (const colour of colours) {
    for (const [code, label, finish] of [
      ['PERF', 'PERFORATED', perforation],
      ['SOLID', 'SOLID', solidSkin],
    ] as const) {
      assembly(`T2-ADW-PB-${size}-${colour}-${code}-KIT`, {
        name: `${label} PEGBOARD KIT ${size}, ${colour}`,
        subcategory: '723.716',
        components: [c(panel), c(colourPart, 1, colour), c(finish), c(bracket, 4), c(screw, 8)],
      })
    }
  }
}
assembly('T2-ADW-PB-PERF-KIT', {
  name: 'PERFORATED PEGBOARD MOUNTING KIT (CUSTOM SIZE)',
  subcategory: '723.716',
  components: [c(perforation), c(bracket, 4), c(screw, 8)],
})
assembly('T2-ADW-PB-SOLID-KIT', {
  name: 'SOLID PEGBOARD MOUNTING KIT (CUSTOM SIZE)',
  subcategory: '723.716',
  components: [c(solidSkin), c(bracket, 4), c(screw, 8)],
})
const ledBar = part('DM-LED-BAR-24V', 'LED LIGHT BAR 24 VDC', { cost: [30, 60] })
assembly('T2-OHL-MDRD-KIT', {
  name: 'OVERHEAD LIGHT KIT, MDRD',
  subcategory: '723.716',
  components: [c(ledBar, 2), c(cable), c(bracket, 2)],
})
assembly('T2-OHL-INSTRO-KIT', {
  name: 'OVERHEAD LIGHT KIT, INSTROSINK',
  subcategory: '723.716',
  components: [c(ledBar, 3), c(cable)],
})

// faucets, sprayers, basin lights, P-trap (chosen through their own options)
const kit = (id: string, name: string, components: ComponentLine[]) =>
  assembly(id, { name, subcategory: '720.706', components })
kit('T2-OA-STD-FAUCET-WB-KIT', 'STANDARD FAUCET WITH WRIST BLADES', [
  c(part('DM-FAUCET-WB', 'FAUCET BODY, WRIST BLADE', { cost: [90, 160] })),
  c(washer, 2),
])
kit('T2-OA-PRE-RINSE-FAUCET-KIT', 'PRE-RINSE FAUCET', [
  c(part('DM-FAUCET-PRERINSE', 'PRE-RINSE SPRAY VALVE', { cost: [120, 220] })),
  c(washer, 2),
])
kit('T2-OA-DI-GOOSENECK-FAUCET-KIT', 'DI WATER GOOSENECK FAUCET', [
  c(part('DM-FAUCET-GOOSENECK', 'GOOSENECK SPOUT, PVDF', { cost: [100, 180] })),
  c(washer, 2),
])
kit('T2-OA-WATERGUN-TURRET-KIT', 'DI WATER GUN, TURRET MOUNT', [
  c(part('DM-WATERGUN', 'WATER GUN', { cost: [70, 120] })),
  c(part('DM-TURRET', 'TURRET MOUNT', { cost: [20, 40] })),
])
kit('T2-OA-WATERGUN-ROSETTE-KIT', 'DI WATER GUN, ROSETTE MOUNT', [
  c('DM-WATERGUN'),
  c(part('DM-ROSETTE', 'ROSETTE MOUNT', { cost: [15, 30] })),
])
kit('T2-OA-AIRGUN-TURRET-KIT', 'AIR GUN, TURRET MOUNT', [
  c(part('DM-AIRGUN', 'AIR GUN', { cost: [60, 110] })),
  c('DM-TURRET'),
])
kit('T2-OA-AIRGUN-ROSETTE-KIT', 'AIR GUN, ROSETTE MOUNT', [c('DM-AIRGUN'), c('DM-ROSETTE')])
kit('T2-OA-BASIN-LIGHT-EDR-KIT', 'BASIN LIGHT KIT, E-DRAIN', [c(ledBar), c(cable)])
kit('T2-OA-BASIN-LIGHT-ESK-KIT', 'BASIN LIGHT KIT, E-SINK', [
  c(ledBar),
  c(cable),
  c(part('DM-LIGHT-DIMMER', 'LIGHT DIMMER MODULE', { cost: null })),
])
twin('T2-OA-MS-1026', { name: 'P-TRAP 1.5 IN, PVC', subcategory: '720.706', cost: [20, 45] })
twin('T2-EYEWASH-FAUCET-MNT', {
  name: 'EYEWASH FAUCET MOUNT',
  subcategory: '720.706',
  cost: [30, 70],
})

// accessories: the customer's subcategories, our own structures
const accessoryKits: [string, string, string, ComponentLine[]][] = [
  [
    'T-OA-BINRAIL-24-KIT',
    '720.702',
    'BIN RAIL 24 IN WITH BINS',
    [
      c(part('DM-BINRAIL-24', 'BIN RAIL 24 IN', { cost: [30, 60] })),
      c('T-OA-B110505', 3),
      c(screw, 4),
    ],
  ],
  [
    'T-OA-BINRAIL-36-KIT',
    '720.702',
    'BIN RAIL 36 IN WITH BINS',
    [
      c(part('DM-BINRAIL-36', 'BIN RAIL 36 IN', { cost: [40, 70] })),
      c('T-OA-B110807', 4),
      c(screw, 6),
    ],
  ],
  [
    'T-OA-BINRAIL-48-KIT',
    '720.702',
    'BIN RAIL 48 IN WITH BINS',
    [
      c(part('DM-BINRAIL-48', 'BIN RAIL 48 IN', { cost: [50, 80] })),
      c('T-OA-B111105', 5),
      c(screw, 8),
    ],
  ],
  [
    'T-OA-PFW1236FM-KIT',
    '720.702',
    'WIRE SHELF 12 X 36 IN, FLOOR MOUNT',
    [c(part('DM-WIRE-SHELF-1236', 'WIRE SHELF 12 X 36', { cost: [40, 70] })), c(bracket, 2)],
  ],
  [
    'T-OA-PFW1218FM-KIT',
    '720.702',
    'WIRE SHELF 12 X 18 IN, FLOOR MOUNT',
    [c(part('DM-WIRE-SHELF-1218', 'WIRE SHELF 12 X 18', { cost: [30, 50] })), c(bracket, 2)],
  ],
  [
    'T-OA-PFW1818FM-KIT',
    '720.702',
    'WIRE SHELF 18 X 18 IN, FLOOR MOUNT',
    [c(part('DM-WIRE-SHELF-1818', 'WIRE SHELF 18 X 18', { cost: [35, 60] })), c(bracket, 2)],
  ],
  [
    'T-OA-SSSHELF-1812-BOLT-ON-KIT',
    '720.702',
    'SS SHELF 18 X 12 IN, BOLT-ON TO SOLID PEGBOARD',
    [c('T-OA-SSSHELF-1812'), c(bracket, 2), c(screw, 4)],
  ],
  [
    'T-OA-SSSHELF-3612-BOLT-ON-KIT',
    '720.702',
    'SS SHELF 36 X 12 IN, BOLT-ON TO SOLID PEGBOARD',
    [c('T-OA-SSSHELF-3612'), c(bracket, 3), c(screw, 6)],
  ],
  [
    'T-OA-SSSHELF-LGHT-1812-KIT',
    '720.702',
    'SS SHELF 18 X 12 IN WITH LIGHT',
    [c('T-OA-SSSHELF-1812'), c(ledBar)],
  ],
  [
    'T-OA-SSSHELF-LGHT-3612-KIT',
    '720.702',
    'SS SHELF 36 X 12 IN WITH LIGHT',
    [c('T-OA-SSSHELF-3612'), c(ledBar, 2)],
  ],
  [
    'T-OA-FOOTREST-RAIL-KIT',
    '720.702',
    'FOOTREST RAIL',
    [c(part('DM-FOOTREST-TUBE', 'FOOTREST TUBE, SS', { cost: [30, 60] })), c(bracket, 2)],
  ],
  [
    'T-OA-1BRUSH-ORG-PB-KIT',
    '720.703',
    'BRUSH ORGANIZER, 1 BRUSH, PEGBOARD MOUNT',
    [c(part('DM-BRUSH-HOLDER', 'BRUSH HOLDER', { cost: [5, 12] }))],
  ],
  [
    'T-OA-6BRUSH-ORG-PB-KIT',
    '720.703',
    'BRUSH ORGANIZER, 6 BRUSHES, PEGBOARD MOUNT',
    [c('DM-BRUSH-HOLDER', 6)],
  ],
  [
    'T-OA-MLIGHT-PB-KIT',
    '720.704',
    'MAGNIFYING LIGHT, PEGBOARD MOUNT',
    [c(part('DM-MAG-LAMP', 'MAGNIFYING LAMP', { cost: [80, 150] })), c(bracket)],
  ],
  [
    'T-OA-DIM-MLIGHT-PB-KIT',
    '720.704',
    'DIMMABLE MAGNIFYING LIGHT, PEGBOARD MOUNT',
    [c('DM-MAG-LAMP'), c('DM-LIGHT-DIMMER'), c(bracket)],
  ],
  [
    'T-OA-TASKLIGHT-PB-MAG-KIT',
    '720.704',
    'TASK LIGHT WITH MAGNET, PEGBOARD MOUNT',
    [c('T-OA-TASKLIGHT-PB'), c(part('DM-MAGNET-MOUNT', 'MAGNETIC MOUNT', { cost: [5, 10] }))],
  ],
]
const singles: [string, string, string][] = [
  ['B210-BLUE', '720.702', 'BIN, BLUE'],
  ['T-OA-B110505', '720.702', 'BIN 11 X 5 X 5'],
  ['T-OA-B110807', '720.702', 'BIN 11 X 8 X 7'],
  ['T-OA-B111105', '720.702', 'BIN 11 X 11 X 5'],
  ['T-OA-SSSHELF-1812', '720.702', 'SS SHELF 18 X 12 IN'],
  ['T-OA-SSSHELF-3612', '720.702', 'SS SHELF 36 X 12 IN'],
  ['T2-OA-LT-SSSHELF-LRG', '720.702', 'SS SHELF WITH LIGHT, LARGE'],
  ['T2-OA-LT-SSSHELF-SML', '720.702', 'SS SHELF WITH LIGHT, SMALL'],
  ['T2-OA-CUST-SHELF-HA-SML', '720.702', 'CUSTOM SHELF FOR HA SINKS, SMALL (UNDER 84 IN)'],
  ['T2-OA-CUST-SHELF-HA-LRG', '720.702', 'CUSTOM SHELF FOR HA SINKS, LARGE (84 IN AND UP)'],
  ['T-OA-RAIL-SHELF-ADDER-SML', '720.702', 'RAIL SHELF ADDER, SMALL (UNDER 84 IN)'],
  ['T-OA-RAIL-SHELF-ADDER-LRG', '720.702', 'RAIL SHELF ADDER, LARGE (84 IN AND UP)'],
  ['T-OA-WRK-FLW-PB', '720.703', 'WORKFLOW SIGN, PEGBOARD MOUNT'],
  ['T-OA-PPRACK-2066', '720.703', 'PAPER RACK'],
  ['T-OA-PB-SS-1L-SHLF', '720.703', 'PEGBOARD SHELF, 1 LEVEL, SS'],
  ['T-OA-PB-SS-2G-SHLF', '720.703', 'PEGBOARD SHELF, 2 GLOVE BOXES, SS'],
  ['T-OA-PB-SS-1GLOVE', '720.703', 'PEGBOARD GLOVE BOX HOLDER, 1'],
  ['T-OA-PB-SS-2GLOVE', '720.703', 'PEGBOARD GLOVE BOX HOLDER, 2'],
  ['T-OA-PB-SS-3GLOVE', '720.703', 'PEGBOARD GLOVE BOX HOLDER, 3'],
  ['T2-OA-SC-2020-SS', '720.703', 'STAGING COVER 20 X 20 IN, SS'],
  ['T2-OA-SC-2420-SS', '720.703', 'STAGING COVER 24 X 20 IN, SS'],
  ['T2-OA-SC-3020-SS', '720.703', 'STAGING COVER 30 X 20 IN, SS'],
  ['T2-AER-TUBEORG', '720.703', 'AERATOR TUBE ORGANIZER'],
  ['T-OA-TASKLIGHT-PB', '720.704', 'TASK LIGHT, PEGBOARD MOUNT'],
  ['T-OA-MNT-ARM', '720.705', 'MONITOR ARM'],
  ['T-OA-MNT-ARM-1EXT', '720.705', 'MONITOR ARM, 1 EXTENSION'],
  ['T-OA-MNT-ARM-2EXT', '720.705', 'MONITOR ARM, 2 EXTENSIONS'],
  ['T-OA-KB-MOUSE-ARM', '720.705', 'KEYBOARD AND MOUSE ARM'],
  ['T-OA-2H-CPUSM', '720.705', 'CPU HOLDER, SMALL'],
  ['T-OA-2H-CPULG', '720.705', 'CPU HOLDER, LARGE'],
  ['T-OA-2H-CPUUV', '720.705', 'CPU HOLDER, UNIVERSAL'],
  ['T-OA-MMA-PB', '720.705', 'MONITOR MOUNT ADAPTER, PEGBOARD'],
  ['T-OA-MMA-DUAL', '720.705', 'MONITOR MOUNT ADAPTER, DUAL'],
  ['T-OA-MMA-LTAB', '720.705', 'MOUNT ADAPTER, TABLET'],
  ['T-OA-MMA-LAP', '720.705', 'MOUNT ADAPTER, LAPTOP'],
  ['T-OA-MNT-SINGLE-COMBO-PB', '720.705', 'SINGLE MONITOR COMBO MOUNT, PEGBOARD'],
]
for (const [id, subcategory, name] of singles) twin(id, { name, subcategory, cost: [10, 180] })
for (const [id, subcategory, name, components] of accessoryKits)
  assembly(id, { name, subcategory, components })
// the customer's one self-reference: the twin lists the part itself
part('T2-OA-PO-SHLF-1212', 'PULL-OUT SHELF 12 X 12 IN', { cost: [60, 120] })
assembly('ASSY-T2-OA-PO-SHLF-1212', {
  name: 'PULL-OUT SHELF 12 X 12 IN',
  subcategory: '720.707',
  type: 'SIMPLE',
  kit: false,
  components: [c('T2-OA-PO-SHLF-1212')],
})

// manuals
for (const [language, name] of [
  ['EN', 'ENGLISH'],
  ['FR', 'FRENCH'],
  ['SP', 'SPANISH'],
] as const) {
  assembly(`T2-STD-MANUAL-${language}-KIT`, {
    name: `STANDARD MANUAL KIT, ${name}`,
    subcategory: '720.701',
    components: [
      c(part(`DM-MANUAL-${language}`, `USER MANUAL, ${name}`, { cost: [5, 15] })),
      c(part(`DM-QUICKSTART-${language}`, `QUICK START CARD, ${name}`, { cost: [1, 3] })),
    ],
  })
}

// the category tree; assembly_refs are a partial index, as in the customer's file
const tree: Record<string, [string, Record<string, [string, string[]]>]> = {
  '718': [
    'CONTROL BOX',
    {
      '718.001': ['1 BASIN', ['T2-CTRL-EDR1', 'T2-CTRL-ESK1']],
      '718.002': ['2 BASINS', ['T2-CTRL-EDR1-ESK1']],
      '718.003': ['3 BASINS', ['T2-CTRL-EDR1-ESK2', 'T2-CTRL-EDR2-ESK1']],
    },
  ],
  '719': ['SERVICE PARTS', { '719.016': ['CONTROL BOXES', []] }],
  '720': [
    'ACCESSORIES',
    {
      '720.701': ['MANUALS', ['T2-STD-MANUAL-EN-KIT']],
      '720.702': ['BINS AND SHELVES', ['T-OA-BINRAIL-24-KIT']],
      '720.703': ['HOLDERS AND COVERS', []],
      '720.704': ['LIGHTING', []],
      '720.705': ['MOUNTS AND ARMS', []],
      '720.706': ['FAUCETS, SPRAYERS AND DRAINS', ['T2-OA-STD-FAUCET-WB-KIT']],
      '720.707': ['DRAWERS', []],
    },
  ],
  '721': [
    'SINK BODY',
    {
      '721.709': ['BODIES', ['T2-BODY-48-60-HA']],
      '721.710': ['BODY TYPES', []],
      '721.711': ['LEGS AND FEET', []],
    },
  ],
  '722': [
    'BASINS',
    {
      '722.712': ['BASIN SIZES', []],
      '722.713': ['BASIN KITS', ['T2-BSN-ESK-KIT', 'T2-BSN-EDR-KIT']],
      '722.714': ['BASIN SUB-ASSEMBLIES', []],
    },
  ],
  '723': [
    'PEGBOARDS',
    {
      '723.715': ['PEGBOARD SIZES', []],
      '723.716': ['PEGBOARD KITS', []],
      '723.717': ['OVERHEAD LIGHT PARTS', []],
    },
  ],
}
const categories: Record<string, unknown> = {}
for (const [code, [name, subs]] of Object.entries(tree)) {
  const subcategories: Record<string, unknown> = {}
  for (const [subcode, [subname, refs]] of Object.entries(subs)) {
    subcategories[subcode] = {
      name: subname,
      description: `Demo subcategory: ${subname.toLowerCase()}`,
      assembly_refs: refs,
    }
  }
  categories[code] = { name, description: `Demo category: ${name.toLowerCase()}`, subcategories }
}

const sorted = <TValue>(record: Record<string, TValue>) =>
  Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : 1)))
const metadata = (description: string, count: Record<string, number>) => ({
  generated_at: '2026-11-25T00:00:00.000Z',
  source_file: 'scripts/generate-demo-catalog.ts',
  version: '1.0.0',
  description,
  ...count,
})
const directory = join(import.meta.dirname, '..', 'fixtures', 'catalog')
const write = (name: string, value: unknown): void => {
  writeFileSync(join(directory, name), `${JSON.stringify(value, null, 2)}\n`)
}
write('categories.json', {
  metadata: metadata('Demo category tree (not the customer data)', {
    total_categories: Object.keys(categories).length,
  }),
  categories,
})
write('assemblies.json', {
  metadata: metadata('Demo assemblies (not the customer data)', {
    total_assemblies: Object.keys(assemblies).length,
  }),
  assemblies: sorted(assemblies),
})
write('parts.json', {
  metadata: metadata('Demo parts (not the customer data)', {
    total_parts: Object.keys(parts).length,
  }),
  parts: sorted(parts),
})
write('prices.json', {
  description: 'Demo unit costs; a few parts are left unpriced on purpose',
  currency: 'USD',
  prices: sorted(prices),
})
process.stdout.write(
  `wrote ${Object.keys(parts).length} parts, ${Object.keys(assemblies).length} assemblies, ${Object.keys(prices).length} prices to fixtures/catalog/\n`,
)
