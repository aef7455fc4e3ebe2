import { useState } from 'react';
import type { DragEvent } from 'react';

interface ReorderButtonsProps {
  label: string;
  index: number;
  count: number;
  onMove: (toIndex: number) => void;
}

/** 上移 / 下移 for keyboard users (drag and drop is the mouse's way to do the same). */
export function ReorderButtons({ label, index, count, onMove }: ReorderButtonsProps) {
  return (
    <>
      <button type="button" disabled={index === 0} onClick={() => onMove(index - 1)}>
        上移<span className="visually-hidden">“{label}”</span>
      </button>
      <button type="button" disabled={index >= count - 1} onClick={() => onMove(index + 1)}>
        下移<span className="visually-hidden">“{label}”</span>
      </button>
    </>
  );
}

/** Drag-and-drop reordering of a list of nodes with ids: a dropped item takes the target's place. */
export function useDragReorder(
  list: readonly { id: string }[],
  move: (id: string, toIndex: number) => void,
) {
  const [dragged, setDragged] = useState<string | null>(null);
  const [over, setOver] = useState<string | null>(null);
  return {
    isOver: (id: string) => dragged !== null && over === id && dragged !== id,
    itemProps: (id: string) => ({
      draggable: true,
      onDragStart: (event: DragEvent) => {
        event.dataTransfer.setData('text/plain', id);
        event.dataTransfer.effectAllowed = 'move';
        setDragged(id);
      },
      onDragOver: (event: DragEvent) => {
        if (dragged === null) return;
        event.preventDefault();
        setOver(id);
      },
      onDragEnd: () => {
        setDragged(null);
        setOver(null);
      },
      onDrop: (event: DragEvent) => {
        event.preventDefault();
        const toIndex = list.findIndex((item) => item.id === id);
        if (dragged !== null && dragged !== id && toIndex >= 0) move(dragged, toIndex);
        setDragged(null);
        setOver(null);
      },
    }),
  };
}
